package dev.cachet.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * CRL reason codes (RFC 5280 §5.3.1). {@code certificateHold} is absent on purpose: the Baseline
 * Requirements (7.2.2) forbid it, and a revocation in Cachet is final.
 */
public enum RevocationReason {
    /** No reason given; BR 7.2.2 omits the reasonCode extension for it. */
    UNSPECIFIED(0, "unspecified"),
    /** The subscriber's private key is known or suspected to be compromised. */
    KEY_COMPROMISE(1, "keyCompromise"),
    /** The CA's key is compromised. */
    CA_COMPROMISE(2, "cACompromise"),
    /** The subject's name or other information changed. */
    AFFILIATION_CHANGED(3, "affiliationChanged"),
    /** The certificate was replaced. */
    SUPERSEDED(4, "superseded"),
    /** The certificate is no longer needed. */
    CESSATION_OF_OPERATION(5, "cessationOfOperation"),
    /** The subscriber is no longer entitled to the certificate. */
    PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn");

    private final int code;
    private final String rfcName;

    RevocationReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** @return the CRLReason code */
    public int code() {
        return code;
    }

    /** @return the RFC 5280 name, such as {@code keyCompromise} */
    public String rfcName() {
        return rfcName;
    }

    /**
     * Finds a reason by its RFC 5280 name.
     *
     * @param name such as {@code keyCompromise}
     * @return the reason, or empty when unknown or not allowed
     */
    public static Optional<RevocationReason> fromRfcName(String name) {
        return Arrays.stream(values()).filter(r -> r.rfcName.equals(name)).findFirst();
    }

    /**
     * Finds a reason by its code.
     *
     * @param code the CRLReason code
     * @return the reason, or empty when unknown or not allowed
     */
    public static Optional<RevocationReason> fromCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }
}
