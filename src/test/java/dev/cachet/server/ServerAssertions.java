package dev.cachet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.crypto.PemDocument;
import dev.cachet.revocation.OcspTestClient;
import dev.cachet.testing.CachetClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;

/** Checks shared by the tests of the running server. */
final class ServerAssertions {
    /** The pause between two looks at a condition polled with a deadline. */
    private static final Duration POLL_PAUSE = Duration.ofMillis(100);

    private ServerAssertions() {
    }

    /**
     * Checks an RFC 9457 problem document.
     *
     * @param reply the reply
     * @param status the expected HTTP status
     * @param type the expected last part of the type URI, such as {@code malformed}
     * @return the problem's detail
     */
    static String assertProblem(CachetClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asText()).isEqualTo("urn:cachet:problem:" + type);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        String detail = problem.path("detail").asText();
        assertThat(detail).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        return detail;
    }

    /**
     * Validates a certificate with its chain against a root, as a TLS client would (JDK PKIX,
     * revocation not checked).
     *
     * @param certificatePem the leaf
     * @param chainPem the intermediate (and root)
     * @param rootPem the trust anchor file
     */
    static void assertChainsToRoot(String certificatePem, String chainPem, Path rootPem) {
        try {
            List<X509Certificate> path = new ArrayList<>();
            path.add(x509(parse(certificatePem).get(0)));
            for (X509CertificateHolder holder : parse(chainPem)) {
                if (!holder.getSubject().equals(holder.getIssuer())) {
                    path.add(x509(holder));
                }
            }
            X509Certificate root = x509(PemDocument.read(rootPem).certificate());
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the certificate does not chain to the root: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the certificates of a PEM text.
     *
     * @param pem the text
     * @return the certificates, in order
     */
    static List<X509CertificateHolder> parse(String pem) {
        return PemDocument.parse(pem.getBytes(StandardCharsets.US_ASCII), "test").certificates();
    }

    /**
     * Asks for a value until it passes a test or the deadline passes.
     *
     * @param deadline how long to keep asking
     * @param what what is awaited, for the failure message
     * @param supplier gives the value, asked at least once
     * @param done the condition
     * @param <T> the value's type
     * @return the first value that passed
     */
    static <T> T poll(Duration deadline, String what, Supplier<T> supplier, Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T value = supplier.get();
        while (!done.test(value)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not " + what + " within " + deadline + "; last: " + value);
            }
            try {
                Thread.sleep(POLL_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            value = supplier.get();
        }
        return value;
    }

    /**
     * Asks a server's OCSP responder about a serial with a POST without nonce (the cached path),
     * checking the response's signature.
     *
     * @param client a client
     * @param httpUrl the server's plain HTTP URL
     * @param issuer the intermediate, which signs the responses
     * @param serial the serial
     * @return {@code good}, {@code revoked} or {@code unknown}
     */
    static String ocspStatus(CachetClient client, String httpUrl, X509CertificateHolder issuer, BigInteger serial) {
        CachetClient.Reply reply = client.post(httpUrl + "/ocsp", "application/ocsp-request",
                OcspTestClient.request(OcspTestClient.certId(issuer, serial)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        SingleResp answer = OcspTestClient.basic(reply.body(), issuer).getResponses()[0];
        assertThat(answer.getCertID().getSerialNumber()).isEqualTo(serial);
        CertificateStatus status = answer.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return "good";
        }
        return status instanceof RevokedStatus ? "revoked" : "unknown";
    }

    private static X509Certificate x509(X509CertificateHolder holder) throws GeneralSecurityException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
