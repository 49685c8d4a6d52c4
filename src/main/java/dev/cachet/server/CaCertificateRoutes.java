package dev.cachet.server;

import dev.cachet.crypto.PemWriter;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The CA certificates, for people (PEM) and for AIA caIssuers (DER, RFC 5280 §4.2.2.1).
 */
final class CaCertificateRoutes {
    private static final String PEM = "application/x-pem-file";
    private static final String DER = "application/pkix-cert";
    private final byte[] rootDer;
    private final byte[] intermediateDer;

    CaCertificateRoutes(X509CertificateHolder root, X509CertificateHolder intermediate) {
        this.rootDer = der(root);
        this.intermediateDer = der(intermediate);
    }

    void register(RoutesConfig routes) {
        routes.get("/ca/root.pem", ctx -> ctx.contentType(PEM).result(pem(rootDer)));
        routes.get("/ca/root.der", ctx -> ctx.contentType(DER).result(rootDer));
        routes.get("/ca/intermediate.pem", ctx -> ctx.contentType(PEM).result(pem(intermediateDer)));
        routes.get("/ca/intermediate.der", ctx -> ctx.contentType(DER).result(intermediateDer));
        routes.get("/ca/chain.pem", ctx -> ctx.contentType(PEM).result(pem(intermediateDer) + pem(rootDer)));
    }

    private static String pem(byte[] der) {
        return PemWriter.encode(PemWriter.CERTIFICATE, der);
    }

    private static byte[] der(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
