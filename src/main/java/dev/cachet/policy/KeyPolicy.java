package dev.cachet.policy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PublicKeyInfo;
import java.math.BigInteger;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Decides which subscriber keys Cachet certifies (BR 6.1.5 and 6.1.6, Mozilla Root Store
 * Policy 5.1): RSA moduli of 2048 to 8192 bits, a multiple of 8, with exponent 65537, no small
 * factors, no ROCA fingerprint and primes not close enough for Fermat's method ({@link RsaModulus});
 * ECDSA on P-256 or P-384 with named curves and a valid point ({@link EcPoints}); Ed25519 where
 * allowed. Keys on the blocked list are refused separately ({@link BlockedKeys}).
 */
public final class KeyPolicy {
    /** BR 6.1.5: at least 2048 bits. */
    public static final int MIN_RSA_BITS = 2048;
    /** Larger moduli cost verifiers much and protect little more. */
    public static final int MAX_RSA_BITS = 8192;
    private static final BigInteger F4 = BigInteger.valueOf(65537);
    private static final Set<String> CURVES = Set.of("P-256", "P-384");

    private final boolean allowEd25519;

    /**
     * Creates a policy.
     *
     * @param allowEd25519 whether Ed25519 keys are accepted (browsers do not support them for TLS yet)
     */
    public KeyPolicy(boolean allowEd25519) {
        this.allowEd25519 = allowEd25519;
    }

    /**
     * Checks a public key and describes it.
     *
     * @param spki the key
     * @return its description, when accepted
     */
    public PublicKeyInfo check(SubjectPublicKeyInfo spki) {
        PublicKeyInfo info = PublicKeyInfo.of(spki);
        switch (info.algorithm()) {
            case "RSA":
                checkRsa(spki, info);
                break;
            case "EC":
                if (!CURVES.contains(info.curve().orElse(""))) {
                    throw refused(info, "only the named curves P-256 and P-384 are accepted");
                }
                EcPoints.fault(spki).ifPresent(fault -> {
                    throw refused(info, fault);
                });
                break;
            case "Ed25519":
                if (!allowEd25519) {
                    throw refused(info, "Ed25519 keys are not accepted by this profile");
                }
                break;
            default:
                throw refused(info, "unsupported key algorithm");
        }
        return info;
    }

    private static void checkRsa(SubjectPublicKeyInfo spki, PublicKeyInfo info) {
        if (info.bits() < MIN_RSA_BITS) {
            throw refused(info, "RSA keys need at least " + MIN_RSA_BITS + " bits");
        }
        if (info.bits() > MAX_RSA_BITS) {
            throw refused(info, "RSA keys of more than " + MAX_RSA_BITS + " bits are not accepted");
        }
        if (info.bits() % 8 != 0) {
            throw refused(info, "the RSA modulus size must be a multiple of 8 bits");
        }
        if (!F4.equals(info.rsaExponent().orElseThrow())) {
            throw refused(info, "the RSA public exponent must be 65537");
        }
        BigInteger modulus = RSAPublicKey.getInstance(spki.getPublicKeyData().getOctets()).getModulus();
        RsaModulus.weakness(modulus).ifPresent(weakness -> {
            throw refused(info, weakness);
        });
    }

    private static CachetException refused(PublicKeyInfo info, String why) {
        return new CachetException(ErrorType.BAD_PUBLIC_KEY, "key refused (" + info.describe() + "): " + why);
    }
}
