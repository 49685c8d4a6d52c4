package dev.cachet.ca;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Jca;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.SecureFiles;
import dev.cachet.crypto.SoftwareSigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * A CA on disk: {@code root.pem}, {@code root.key}, {@code intermediate.pem},
 * {@code intermediate.key}, {@code chain.pem} (intermediate then root) and {@code ca.json}.
 * Keys are PKCS#8, mode 0600, encrypted when a passphrase is given.
 */
public final class CaDirectory {
    /** The files a CA folder holds. */
    public static final List<String> FILES =
            List.of("root.pem", "root.key", "intermediate.pem", "intermediate.key", "chain.pem", "ca.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    /**
     * Points at a CA folder.
     *
     * @param dir the folder
     */
    public CaDirectory(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }

    /** @return the root certificate file */
    public Path rootCertificate() {
        return dir.resolve("root.pem");
    }

    /** @return the chain file: intermediate, then root */
    public Path chain() {
        return dir.resolve("chain.pem");
    }

    /** @return true when the folder holds any CA file */
    public boolean exists() {
        return FILES.stream().anyMatch(f -> Files.exists(dir.resolve(f)));
    }

    /**
     * Writes a new CA; all files or none.
     *
     * @param material the certificates and keys
     * @param settings the settings for {@code ca.json}
     * @param passphrase the passphrase to encrypt the keys with, or null to leave them unencrypted
     * @param random randomness for key encryption
     */
    public void create(CaMaterial material, CaSettings settings, char[] passphrase, SecureRandom random) {
        if (exists()) {
            throw new CachetException(ErrorType.ALREADY_EXISTS, dir + ": already holds a CA; not overwritten");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CachetException(ErrorType.ALREADY_EXISTS, dir + ": exists and is not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, dir + ": cannot create the folder (" + e.getMessage() + ")", e);
        }
        String root = pem(material.root());
        String intermediate = pem(material.intermediate());
        SecureFiles.writeAll(List.of(
                output("root.pem", root, false),
                output("root.key", PrivateKeys.toPem(material.rootKey().getPrivate(), passphrase, random), true),
                output("intermediate.pem", intermediate, false),
                output("intermediate.key",
                        PrivateKeys.toPem(material.intermediateKey().getPrivate(), passphrase, random), true),
                output("chain.pem", intermediate + root, false),
                output("ca.json", json(settings), false)));
    }

    /** @return the settings of {@code ca.json} */
    public CaSettings settings() {
        requireCa();
        try {
            return JSON.readValue(PemDocument.readBytes(dir.resolve("ca.json")), CaSettings.class);
        } catch (IOException e) {
            throw new CachetException(ErrorType.MALFORMED, dir.resolve("ca.json") + ": unreadable ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /**
     * Loads the intermediate as the issuer of leaves.
     *
     * @param passphrase the key passphrase, or null when the keys are not encrypted
     * @return the issuer
     */
    public Issuer loadIssuer(char[] passphrase) {
        requireCa();
        X509CertificateHolder intermediate = PemDocument.read(dir.resolve("intermediate.pem")).certificate();
        List<X509CertificateHolder> chain = PemDocument.read(chain()).certificates();
        PrivateKey key = PrivateKeys.read(PemDocument.read(dir.resolve("intermediate.key")), passphrase);
        PublicKey publicKey = publicKey(intermediate);
        SoftwareSigningKey signingKey = new SoftwareSigningKey(key, publicKey);
        requireKeyMatches(signingKey, intermediate);
        return new Issuer(intermediate, signingKey, chain);
    }

    private void requireCa() {
        if (!Files.isRegularFile(dir.resolve("ca.json")) || !Files.isRegularFile(dir.resolve("intermediate.pem"))) {
            throw new CachetException(ErrorType.NOT_FOUND, dir + ": no CA here (create one with 'cachet ca init --dir "
                    + dir + "')");
        }
    }

    private static void requireKeyMatches(SoftwareSigningKey key, X509CertificateHolder certificate) {
        try {
            byte[] probe = "cachet key check".getBytes(StandardCharsets.US_ASCII);
            var signer = key.contentSigner();
            signer.getOutputStream().write(probe);
            var verifier = new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .setProvider(Jca.provider()).build(certificate).get(signer.getAlgorithmIdentifier());
            verifier.getOutputStream().write(probe);
            if (!verifier.verify(signer.getSignature())) {
                throw new CachetException(ErrorType.MALFORMED, "intermediate.key does not belong to intermediate.pem");
            }
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException
                 | java.security.cert.CertificateException e) {
            throw new CachetException(ErrorType.MALFORMED, "cannot check the intermediate key: " + e.getMessage(), e);
        }
    }

    private static PublicKey publicKey(X509CertificateHolder certificate) {
        try {
            return new JcaX509CertificateConverter().setProvider(Jca.provider()).getCertificate(certificate)
                    .getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new CachetException(ErrorType.MALFORMED, "unreadable CA certificate: " + e.getMessage(), e);
        }
    }

    private SecureFiles.Output output(String name, String content, boolean secret) {
        return new SecureFiles.Output(dir.resolve(name), content.getBytes(StandardCharsets.US_ASCII), secret);
    }

    private static String pem(X509CertificateHolder certificate) {
        try {
            return PemWriter.encode(PemWriter.CERTIFICATE, certificate.getEncoded());
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode certificate", e);
        }
    }

    private static String json(CaSettings settings) {
        try {
            return JSON.writeValueAsString(settings) + "\n";
        } catch (IOException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot encode ca.json", e);
        }
    }
}
