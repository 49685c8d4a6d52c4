package dev.cachet.server;

import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.Profiles;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PemWriter;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.SecureFiles;
import dev.cachet.csr.SubjectAltNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The certificate of Cachet's own HTTPS listener, issued by its intermediate like any other
 * (and recorded like any other). Kept in {@code tls/} of the data folder and renewed at start
 * when it is missing, names other hosts, or has less than a third of its life left.
 */
final class ServerCertificate {
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private final Path dir;
    private final LeafIssuer issuer;
    private final Clock clock;

    ServerCertificate(Path dataDir, LeafIssuer issuer, Clock clock) {
        this.dir = dataDir.resolve("tls");
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * Loads the certificate, issuing a new one when needed, as a key store for Jetty.
     *
     * @param names the names it must hold
     * @param password the password to protect the in-memory key store with
     * @return the key store with entry {@code server}
     */
    KeyStore keyStore(List<Identifier> names, char[] password) {
        Path certificate = dir.resolve("server.pem");
        Path key = dir.resolve("server.key");
        if (!usable(certificate, names)) {
            renew(certificate, key, names);
        }
        List<X509CertificateHolder> chain = PemDocument.read(certificate).certificates();
        PrivateKey privateKey = PrivateKeys.read(PemDocument.read(key));
        return TlsKeyStores.of(chain, privateKey, password);
    }

    private boolean usable(Path certificate, List<Identifier> names) {
        if (!Files.exists(certificate)) {
            return false;
        }
        X509CertificateHolder current = PemDocument.read(certificate).certificate();
        GeneralNames sans = GeneralNames.fromExtensions(current.getExtensions(), Extension.subjectAlternativeName);
        boolean sameNames = sans != null
                && new HashSet<>(SubjectAltNames.decode(sans)).equals(new HashSet<>(names));
        boolean sameIssuer = current.getIssuer().equals(issuer.issuer().certificate().getSubject());
        return sameNames && sameIssuer
                && current.getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE));
    }

    private void renew(Path certificate, Path key, List<Identifier> names) {
        KeyPair pair = new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);
        IssuedCertificate issued = issuer.issue(new IssuanceRequest(
                SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()), names, Optional.empty(),
                Profiles.require(Profiles.DEFAULT), OptionalInt.empty()), "system");
        List<byte[]> ders = new ArrayList<>();
        try {
            ders.add(issued.certificate().getEncoded());
            ders.add(issued.chain().get(0).getEncoded());
            Files.createDirectories(dir);
            Files.deleteIfExists(certificate);
            Files.deleteIfExists(key);
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, dir + ": cannot write the server certificate", e);
        }
        SecureFiles.writeAll(List.of(
                new SecureFiles.Output(key, ascii(PrivateKeys.toPem(pair.getPrivate(), null, new SecureRandom())),
                        true),
                new SecureFiles.Output(certificate, ascii(PemWriter.certificates(ders)), false)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
