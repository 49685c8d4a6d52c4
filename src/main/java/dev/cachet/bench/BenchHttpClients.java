package dev.cachet.bench;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemDocument;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/** HTTP clients for the load generator: HTTP/1.1 with keep-alive, trusting given roots or the system's. */
public final class BenchHttpClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private BenchHttpClients() {
    }

    /**
     * Creates a client.
     *
     * @param trust a PEM file of the roots to trust, or empty for the JVM's default trust store
     * @return the client
     */
    public static HttpClient create(Optional<Path> trust) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
        if (trust.isPresent()) {
            builder.sslContext(trusting(PemDocument.read(trust.get()).certificates(), trust.get()));
        }
        return builder.build();
    }

    private static SSLContext trusting(List<X509CertificateHolder> roots, Path source) {
        if (roots.isEmpty()) {
            throw new CachetException(ErrorType.MALFORMED, source + " holds no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (int i = 0; i < roots.size(); i++) {
                X509Certificate root = converter.getCertificate(roots.get(i));
                store.setCertificateEntry("root-" + i, root);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CachetException(ErrorType.TLS, "cannot trust " + source + ": " + e.getMessage(), e);
        }
    }
}
