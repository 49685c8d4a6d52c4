package dev.cachet.inspect;

import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Readable names of signature, encryption and key derivation algorithms, as OpenSSL and the
 * ASN.1 modules spell them ({@code ecdsa-with-SHA256}, {@code sha256WithRSAEncryption}).
 */
final class AlgorithmNames {
    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.ofEntries(
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA1, "ecdsa-with-SHA1"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA224, "ecdsa-with-SHA224"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256, "ecdsa-with-SHA256"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384, "ecdsa-with-SHA384"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512, "ecdsa-with-SHA512"),
            Map.entry(PKCSObjectIdentifiers.md5WithRSAEncryption, "md5WithRSAEncryption"),
            Map.entry(PKCSObjectIdentifiers.sha1WithRSAEncryption, "sha1WithRSAEncryption"),
            Map.entry(PKCSObjectIdentifiers.sha224WithRSAEncryption, "sha224WithRSAEncryption"),
            Map.entry(PKCSObjectIdentifiers.sha256WithRSAEncryption, "sha256WithRSAEncryption"),
            Map.entry(PKCSObjectIdentifiers.sha384WithRSAEncryption, "sha384WithRSAEncryption"),
            Map.entry(PKCSObjectIdentifiers.sha512WithRSAEncryption, "sha512WithRSAEncryption"),
            Map.entry(PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS"),
            Map.entry(EdECObjectIdentifiers.id_Ed25519, "Ed25519"),
            Map.entry(EdECObjectIdentifiers.id_Ed448, "Ed448"),
            Map.entry(NISTObjectIdentifiers.id_ml_dsa_44, "ML-DSA-44"),
            Map.entry(NISTObjectIdentifiers.id_ml_dsa_65, "ML-DSA-65"),
            Map.entry(NISTObjectIdentifiers.id_ml_dsa_87, "ML-DSA-87"),
            Map.entry(PKCSObjectIdentifiers.id_PBES2, "PBES2"),
            Map.entry(PKCSObjectIdentifiers.id_PBKDF2, "PBKDF2"),
            Map.entry(MiscObjectIdentifiers.id_scrypt, "scrypt"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA1, "hmacWithSHA1"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA224, "hmacWithSHA224"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA256, "hmacWithSHA256"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA384, "hmacWithSHA384"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA512, "hmacWithSHA512"),
            Map.entry(NISTObjectIdentifiers.id_aes128_CBC, "AES-128-CBC"),
            Map.entry(NISTObjectIdentifiers.id_aes192_CBC, "AES-192-CBC"),
            Map.entry(NISTObjectIdentifiers.id_aes256_CBC, "AES-256-CBC"),
            Map.entry(NISTObjectIdentifiers.id_aes128_GCM, "AES-128-GCM"),
            Map.entry(NISTObjectIdentifiers.id_aes256_GCM, "AES-256-GCM"),
            Map.entry(PKCSObjectIdentifiers.des_EDE3_CBC, "DES-EDE3-CBC"),
            Map.entry(PKCSObjectIdentifiers.pbeWithMD5AndDES_CBC, "pbeWithMD5AndDES-CBC"),
            Map.entry(PKCSObjectIdentifiers.pbeWithSHA1AndDES_CBC, "pbeWithSHA1AndDES-CBC"),
            Map.entry(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, "pbeWithSHAAnd3-KeyTripleDES-CBC"),
            Map.entry(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC, "pbeWithSHAAnd40BitRC2-CBC"));

    private AlgorithmNames() {
    }

    /** @return the readable name of an algorithm, or its dotted OID when it has none here */
    static String name(ASN1ObjectIdentifier oid) {
        return NAMES.getOrDefault(oid, oid.getId());
    }

    /** @return the readable name of an algorithm identifier's algorithm */
    static String name(AlgorithmIdentifier algorithm) {
        return name(algorithm.getAlgorithm());
    }
}
