package dev.cachet.crypto;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The key types Cachet creates, with the names used on the command line. */
public enum KeyType {
    /** ECDSA on NIST P-256 (secp256r1). */
    EC_P256("ec-p256", "EC", new ECGenParameterSpec("secp256r1")),
    /** ECDSA on NIST P-384 (secp384r1). */
    EC_P384("ec-p384", "EC", new ECGenParameterSpec("secp384r1")),
    /** RSA with a 2048-bit modulus, the Baseline Requirements' minimum (BR 6.1.5). */
    RSA_2048("rsa-2048", "RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)),
    /** RSA with a 3072-bit modulus. */
    RSA_3072("rsa-3072", "RSA", new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4)),
    /** RSA with a 4096-bit modulus. */
    RSA_4096("rsa-4096", "RSA", new RSAKeyGenParameterSpec(4096, RSAKeyGenParameterSpec.F4)),
    /** Ed25519 (RFC 8410). */
    ED25519("ed25519", "Ed25519", null);

    private final String id;
    private final String algorithm;
    private final AlgorithmParameterSpec spec;

    KeyType(String id, String algorithm, AlgorithmParameterSpec spec) {
        this.id = id;
        this.algorithm = algorithm;
        this.spec = spec;
    }

    /** @return the command-line name, such as {@code ec-p256} */
    public String id() {
        return id;
    }

    /** @return the JCA key algorithm name */
    public String algorithm() {
        return algorithm;
    }

    /** @return the generation parameters, empty for Ed25519 which has none */
    public Optional<AlgorithmParameterSpec> spec() {
        return Optional.ofNullable(spec);
    }

    /** @return true when generating such a key takes long enough to show progress */
    public boolean isSlowToGenerate() {
        return this == RSA_3072 || this == RSA_4096;
    }

    /**
     * Finds a key type by its command-line name.
     *
     * @param id a name such as {@code rsa-2048}
     * @return the key type, or empty for an unknown name
     */
    public static Optional<KeyType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** @return the command-line names of all key types, comma separated */
    public static String ids() {
        return Arrays.stream(values()).map(KeyType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
