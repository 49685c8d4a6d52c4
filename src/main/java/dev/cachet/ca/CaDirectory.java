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
import dev.cachet.crypto.Pkcs11Token;
import dev.cachet.crypto.SecureFiles;
import dev.cachet.crypto.SignatureVerifiers;
import dev.cachet.crypto.SigningKey;
import dev.cachet.crypto.SoftwareSigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * A CA on disk: {@code root.pem}, {@code root.key}, {@code intermediate.pem},
 * {@code intermediate.key}, {@code chain.pem} (intermediate then root) and {@code ca.json}.
 * Keys are PKCS#8, mode 0600, encrypted when a passphrase is given; a CA whose keys are in a
 * PKCS#11 token has no key files, and {@code ca.json} names the token and the keys' aliases.
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

    /** @return where {@code cachet serve} keeps the passphrase it generated for the CA keys */
    public Path generatedPassphrase() {
        return dir.resolve("passphrase");
    }

    /**
     * Writes a new CA with its keys in files; all files or none.
     *
     * @param material the certificates and keys
     * @param settings the settings for {@code ca.json}
     * @param passphrase the passphrase to encrypt the keys with, or null to leave them unencrypted
     * @param random randomness for key encryption
     */
    public void create(CaMaterial material, CaSettings settings, char[] passphrase, SecureRandom random) {
        prepareFolder();
        List<SecureFiles.Output> outputs = new ArrayList<>(publicFiles(material, settings));
        outputs.add(output("root.key", PrivateKeys.toPem(material.rootKey().getPrivate(), passphrase, random), true));
        outputs.add(output("intermediate.key",
                PrivateKeys.toPem(material.intermediateKey().getPrivate(), passphrase, random), true));
        SecureFiles.writeAll(outputs);
    }

    /**
     * Writes a new CA whose keys stay in a PKCS#11 token: labels them with the aliases of
     * {@code settings.pkcs11()} and writes the certificates and {@code ca.json}, no key file.
     *
     * @param material the certificates and the token's key handles
     * @param settings the settings for {@code ca.json}, naming the token and the aliases
     * @param token the token the keys were generated in
     */
    public void create(CaMaterial material, CaSettings settings, Pkcs11Token token) {
        CaSettings.Pkcs11Keys keys = Objects.requireNonNull(settings.pkcs11(), "settings.pkcs11");
        prepareFolder();
        token.store(keys.rootAlias(), material.rootKey().getPrivate(), x509(material.root()));
        token.store(keys.intermediateAlias(), material.intermediateKey().getPrivate(), x509(material.intermediate()));
        SecureFiles.writeAll(publicFiles(material, settings));
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
     * @param secret the key passphrase (null when the keys are not encrypted), or the token's PIN
     *     when the keys are in a PKCS#11 token
     * @return the issuer
     */
    public Issuer loadIssuer(char[] secret) {
        requireCa();
        X509CertificateHolder intermediate = PemDocument.read(dir.resolve("intermediate.pem")).certificate();
        List<X509CertificateHolder> chain = PemDocument.read(chain()).certificates();
        PublicKey publicKey = x509(intermediate).getPublicKey();
        CaSettings.Pkcs11Keys inToken = settings().pkcs11();
        SigningKey signingKey;
        if (inToken == null) {
            PemDocument keyFile = PemDocument.read(dir.resolve("intermediate.key"));
            if (secret == null && PrivateKeys.isEncrypted(keyFile)) {
                throw new CachetException(ErrorType.BAD_PASSPHRASE, dir + ": the CA keys are encrypted; give their"
                        + " passphrase (--passphrase-file or " + CaSecrets.PASSPHRASE_VARIABLE + ")");
            }
            PrivateKey key = PrivateKeys.read(keyFile, secret);
            signingKey = new SoftwareSigningKey(key, publicKey);
        } else {
            if (secret == null) {
                throw new CachetException(ErrorType.BAD_PASSPHRASE, dir + ": the CA keys are in a PKCS#11 token;"
                        + " give its PIN (--passphrase-file or " + CaSecrets.PIN_VARIABLE + ")");
            }
            signingKey = Pkcs11Token.open(Path.of(inToken.config()), secret)
                    .load(inToken.intermediateAlias(), publicKey);
        }
        requireKeyMatches(signingKey, intermediate);
        return new Issuer(intermediate, signingKey, chain);
    }

    private void requireCa() {
        if (!Files.isRegularFile(dir.resolve("ca.json")) || !Files.isRegularFile(dir.resolve("intermediate.pem"))) {
            throw new CachetException(ErrorType.NOT_FOUND, dir + ": no CA here (create one with 'cachet ca init --dir "
                    + dir + "')");
        }
    }

    /** Refuses a folder that holds a CA or is a file, and creates it when absent. */
    void prepareFolder() {
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
    }

    private List<SecureFiles.Output> publicFiles(CaMaterial material, CaSettings settings) {
        String root = pem(material.root());
        String intermediate = pem(material.intermediate());
        return List.of(output("root.pem", root, false), output("intermediate.pem", intermediate, false),
                output("chain.pem", intermediate + root, false), output("ca.json", json(settings), false));
    }

    private static void requireKeyMatches(SigningKey key, X509CertificateHolder certificate) {
        try {
            byte[] probe = "cachet key check".getBytes(StandardCharsets.US_ASCII);
            var signer = key.contentSigner();
            signer.getOutputStream().write(probe);
            var verifier = SignatureVerifiers.of(certificate).get(signer.getAlgorithmIdentifier());
            verifier.getOutputStream().write(probe);
            if (!verifier.verify(signer.getSignature())) {
                throw new CachetException(ErrorType.MALFORMED,
                        "the intermediate key does not belong to intermediate.pem");
            }
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new CachetException(ErrorType.MALFORMED, "cannot check the intermediate key: " + e.getMessage(), e);
        }
    }

    private static X509Certificate x509(X509CertificateHolder certificate) {
        try {
            return new JcaX509CertificateConverter().setProvider(Jca.provider()).getCertificate(certificate);
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
