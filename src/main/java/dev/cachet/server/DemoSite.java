package dev.cachet.server;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PrivateKeys;
import dev.cachet.crypto.PublicKeys;
import dev.cachet.server.http.Listeners;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A one-page HTTPS site served with a given certificate and key, to see a certificate in a browser
 * ({@code cachet serve-demo}). It reuses the server's listener (TLS 1.2 and 1.3, limits) and sends
 * the usual security headers; no HSTS, which would pin a throwaway demo name in the browser.
 */
public final class DemoSite implements AutoCloseable {
    /** Nothing but the page itself: no scripts, styles, frames, forms or referrer. */
    private static final String CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    private static final long MAX_BODY_BYTES = 1024;

    private final Javalin app;
    private final HostPort address;

    private DemoSite(Javalin app, HostPort address) {
        this.app = app;
        this.address = address;
    }

    /**
     * Starts the site.
     *
     * @param chainFile the certificate chain (PEM), leaf first
     * @param keyFile the leaf's private key (PEM)
     * @param passphrase the key's passphrase, or null for an unencrypted key
     * @param address where to listen; port 0 picks a free port
     * @return the running site
     */
    public static DemoSite start(Path chainFile, Path keyFile, char[] passphrase, HostPort address) {
        List<X509CertificateHolder> chain = PemDocument.read(chainFile).certificates();
        requireOrder(chain, chainFile);
        PrivateKey key = PrivateKeys.read(PemDocument.read(keyFile), passphrase);
        requireKeyMatches(chain.get(0), key, chainFile, keyFile);
        char[] password = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(16)).toCharArray();
        String page = DemoPage.html(chain.get(0));
        Javalin app = Listeners.https(address, TlsKeyStores.of(chain, key, password), password, MAX_BODY_BYTES,
                routes -> {
                    routes.before(DemoSite::securityHeaders);
                    routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
                });
        Listeners.start(app, address);
        return new DemoSite(app, new HostPort(address.host(), app.port()));
    }

    /** @return the site's URL on the address it listens on, such as {@code https://127.0.0.1:8444/} */
    public String url() {
        String host = address.host().contains(":") ? "[" + address.host() + "]" : address.host();
        return "https://" + host + ":" + address.port() + "/";
    }

    /** @return the port it listens on */
    public int port() {
        return address.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    /** Each certificate must be issued by the next, as TLS sends them (RFC 8446 §4.4.2). */
    private static void requireOrder(List<X509CertificateHolder> chain, Path file) {
        for (int i = 1; i < chain.size(); i++) {
            if (!chain.get(i - 1).getIssuer().equals(chain.get(i).getSubject())) {
                throw new CachetException(ErrorType.MALFORMED, file + ": certificates out of order: certificate "
                        + (i + 1) + " (" + chain.get(i).getSubject() + ") did not issue certificate " + i + " ("
                        + chain.get(i - 1).getSubject() + "); put the leaf first, then its issuer, and so on");
            }
        }
    }

    private static void requireKeyMatches(X509CertificateHolder leaf, PrivateKey key, Path chainFile, Path keyFile) {
        try {
            if (!Arrays.equals(leaf.getSubjectPublicKeyInfo().getEncoded(), PublicKeys.derive(key).getEncoded())) {
                throw new CachetException(ErrorType.MALFORMED, keyFile + ": this key does not belong to the first "
                        + "certificate of " + chainFile);
            }
        } catch (IOException e) {
            throw new CachetException(ErrorType.MALFORMED, chainFile + ": the certificate's key cannot be read", e);
        }
    }
}
