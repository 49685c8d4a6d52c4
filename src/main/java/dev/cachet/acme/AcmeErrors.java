package dev.cachet.acme;

import dev.cachet.core.ErrorType;
import java.util.EnumMap;
import java.util.Map;

/** The ACME error type (RFC 8555 §6.7) of each of Cachet's error types. */
public final class AcmeErrors {
    /** The URN prefix of ACME error types. */
    public static final String PREFIX = "urn:ietf:params:acme:error:";
    private static final Map<ErrorType, String> NAMES = new EnumMap<>(ErrorType.class);

    static {
        NAMES.put(ErrorType.MALFORMED, "malformed");
        NAMES.put(ErrorType.BAD_CSR, "badCSR");
        NAMES.put(ErrorType.BAD_PUBLIC_KEY, "badPublicKey");
        NAMES.put(ErrorType.REJECTED_IDENTIFIER, "rejectedIdentifier");
        NAMES.put(ErrorType.POLICY, "malformed");
        NAMES.put(ErrorType.UNAUTHORIZED, "unauthorized");
        NAMES.put(ErrorType.FORBIDDEN, "unauthorized");
        NAMES.put(ErrorType.NOT_FOUND, "malformed");
        NAMES.put(ErrorType.ALREADY_EXISTS, "malformed");
        NAMES.put(ErrorType.ALREADY_REVOKED, "alreadyRevoked");
        NAMES.put(ErrorType.UNAVAILABLE, "serverInternal");
        NAMES.put(ErrorType.BAD_NONCE, "badNonce");
        NAMES.put(ErrorType.BAD_SIGNATURE_ALGORITHM, "badSignatureAlgorithm");
        NAMES.put(ErrorType.ACCOUNT_DOES_NOT_EXIST, "accountDoesNotExist");
        NAMES.put(ErrorType.EXTERNAL_ACCOUNT_REQUIRED, "externalAccountRequired");
        NAMES.put(ErrorType.ORDER_NOT_READY, "orderNotReady");
        NAMES.put(ErrorType.BAD_REVOCATION_REASON, "badRevocationReason");
        NAMES.put(ErrorType.USER_ACTION_REQUIRED, "userActionRequired");
        NAMES.put(ErrorType.RATE_LIMITED, "rateLimited");
        NAMES.put(ErrorType.DNS, "dns");
        NAMES.put(ErrorType.CONNECTION, "connection");
        NAMES.put(ErrorType.INCORRECT_RESPONSE, "incorrectResponse");
        NAMES.put(ErrorType.TLS, "tls");
        NAMES.put(ErrorType.CAA, "caa");
    }

    private AcmeErrors() {
    }

    /**
     * The ACME error name.
     *
     * @param type Cachet's error type
     * @return such as {@code badNonce}; {@code serverInternal} for anything without an ACME name
     */
    public static String typeName(ErrorType type) {
        return NAMES.getOrDefault(type, "serverInternal");
    }
}
