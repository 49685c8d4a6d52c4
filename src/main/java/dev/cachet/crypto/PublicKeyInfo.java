package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * What a public key is, read from its SubjectPublicKeyInfo without trusting any provider's
 * key classes: algorithm, size, curve and, for RSA, the public exponent.
 *
 * @param algorithm {@code RSA}, {@code EC}, {@code Ed25519} or the OID of anything else
 * @param bits the key size in bits (modulus length for RSA, field size for curves)
 * @param curve the curve name for EC keys, such as {@code P-256}; empty otherwise
 * @param rsaExponent the public exponent of an RSA key; empty otherwise
 * @param sha256 the SHA-256 fingerprint of the DER SubjectPublicKeyInfo
 */
public record PublicKeyInfo(String algorithm, int bits, Optional<String> curve, Optional<BigInteger> rsaExponent,
        String sha256) {

    /**
     * Describes a JCA public key.
     *
     * @param key any public key
     * @return its description
     */
    public static PublicKeyInfo of(PublicKey key) {
        return of(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    /**
     * Describes an encoded public key.
     *
     * @param spki the SubjectPublicKeyInfo
     * @return its description
     */
    public static PublicKeyInfo of(SubjectPublicKeyInfo spki) {
        ASN1ObjectIdentifier oid = spki.getAlgorithm().getAlgorithm();
        String fingerprint = fingerprint(spki);
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            RSAPublicKey rsa = rsaKey(spki);
            return new PublicKeyInfo("RSA", rsa.getModulus().bitLength(), Optional.empty(),
                    Optional.of(rsa.getPublicExponent()), fingerprint);
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            return ecKey(spki, fingerprint);
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return new PublicKeyInfo("Ed25519", 256, Optional.empty(), Optional.empty(), fingerprint);
        }
        return new PublicKeyInfo(oid.getId(), 0, Optional.empty(), Optional.empty(), fingerprint);
    }

    /** @return a short description such as {@code EC P-256} or {@code RSA 2048} */
    public String describe() {
        if (curve.isPresent()) {
            return algorithm + " " + curve.get();
        }
        if ("RSA".equals(algorithm)) {
            return "RSA " + bits;
        }
        return algorithm;
    }

    private static PublicKeyInfo ecKey(SubjectPublicKeyInfo spki, String fingerprint) {
        if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier)) {
            // RFC 5480 §2.1.1: implicit or explicit curve parameters must not be used.
            return new PublicKeyInfo("EC", 0, Optional.of("explicit parameters"), Optional.empty(), fingerprint);
        }
        ASN1ObjectIdentifier curveOid = (ASN1ObjectIdentifier) spki.getAlgorithm().getParameters();
        String name = ECNamedCurveTable.getName(curveOid);
        var parameters = ECNamedCurveTable.getByOID(curveOid);
        int bits = parameters == null ? 0 : parameters.getCurve().getFieldSize();
        return new PublicKeyInfo("EC", bits, Optional.of(nistName(name, curveOid)), Optional.empty(), fingerprint);
    }

    private static String nistName(String name, ASN1ObjectIdentifier oid) {
        if (name == null) {
            return oid.getId();
        }
        switch (name) {
            case "secp256r1":
            case "prime256v1":
                return "P-256";
            case "secp384r1":
                return "P-384";
            case "secp521r1":
                return "P-521";
            default:
                return name;
        }
    }

    private static RSAPublicKey rsaKey(SubjectPublicKeyInfo spki) {
        try {
            return RSAPublicKey.getInstance(spki.parsePublicKey());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // IllegalStateException: a BIT STRING with unused bits (found by CsrFuzzTest).
            throw new CachetException(ErrorType.MALFORMED, "malformed RSA public key", e);
        }
    }

    private static String fingerprint(SubjectPublicKeyInfo spki) {
        try {
            return Fingerprints.sha256(spki.getEncoded("DER"));
        } catch (IOException e) {
            throw new CachetException(ErrorType.MALFORMED, "cannot encode public key", e);
        }
    }
}
