package dev.cachet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.crypto.PemWriter;
import dev.cachet.csr.CsrBuilder;
import dev.cachet.policy.Identifiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A client of a running Cachet: the JDK's {@link HttpClient} trusting only the CA's root, with an
 * optional bearer token, and JSON helpers. Every request times out.
 */
public final class CachetClient {
    /** The longest any request may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String httpsUrl;
    private final String token;

    private CachetClient(HttpClient http, String httpsUrl, String token) {
        this.http = http;
        this.httpsUrl = httpsUrl;
        this.token = token;
    }

    /**
     * What the server answered.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body
     */
    public record Reply(int status, HttpHeaders headers, byte[] body) {
        /** @return the body as UTF-8 text */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return the body parsed as JSON */
        public JsonNode json() {
            return parse(text());
        }

        /** @return a header's first value, or the empty string */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + "\n" + text();
        }
    }

    /**
     * Creates a client that trusts only the given root certificate.
     *
     * @param httpsUrl the server's HTTPS URL, which relative paths are resolved against
     * @param rootPem the root certificate file (PEM)
     * @return a client without a token
     */
    public static CachetClient trusting(String httpsUrl, Path rootPem) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("root", CertificateFactory.getInstance("X.509").generateCertificate(
                    new java.io.ByteArrayInputStream(PemDocument.read(rootPem).certificate().getEncoded())));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), new SecureRandom());
            HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            return new CachetClient(http, httpsUrl, null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS client trusting " + rootPem, e);
        }
    }

    /**
     * The same client presenting a token.
     *
     * @param secret the bearer secret, or null for none
     * @return a client sending {@code Authorization: Bearer secret}
     */
    public CachetClient withToken(String secret) {
        return new CachetClient(http, httpsUrl, secret);
    }

    /**
     * GETs a path of the HTTPS listener, or an absolute URL.
     *
     * @param pathOrUrl such as {@code /api/v1/certificates} or {@code http://127.0.0.1:8080/healthz}
     * @return the reply
     */
    public Reply get(String pathOrUrl) {
        return send(request(pathOrUrl).GET());
    }

    /**
     * POSTs a JSON body.
     *
     * @param pathOrUrl the path or URL
     * @param json the body
     * @return the reply
     */
    public Reply postJson(String pathOrUrl, String json) {
        return post(pathOrUrl, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * POSTs a body.
     *
     * @param pathOrUrl the path or URL
     * @param contentType the body's media type
     * @param body the body
     * @return the reply
     */
    public Reply post(String pathOrUrl, String contentType, byte[] body) {
        return send(request(pathOrUrl).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * POSTs an HTML form ({@code application/x-www-form-urlencoded}), as a browser submits one.
     *
     * @param pathOrUrl the path or URL
     * @param fields the form fields, in order
     * @param cookie a {@code Cookie} header value, or null for none
     * @return the reply
     */
    public Reply postForm(String pathOrUrl, Map<String, String> fields, String cookie) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    /**
     * Issues a certificate through the REST API, failing unless the server answers 201.
     *
     * @param csrPem the CSR
     * @return the response body
     */
    public JsonNode issue(String csrPem) {
        Reply reply = postJson("/api/v1/certificates", json(Map.of("csr", csrPem)));
        if (reply.status() != 201) {
            throw new AssertionError("issuance failed: " + reply);
        }
        return reply.json();
    }

    /**
     * Encodes a value as JSON text.
     *
     * @param value such as a map
     * @return the JSON
     */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses JSON text.
     *
     * @param text the JSON
     * @return the tree
     */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /**
     * Makes a CSR for a new P-256 key, with the first DNS name as CN and all of them as SANs.
     *
     * @param dnsNames the names
     * @return the CSR in PEM
     */
    public static String csr(String... dnsNames) {
        return csr(new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256), dnsNames);
    }

    /**
     * Makes a CSR for a given key, with the first DNS name as CN and all of them as SANs.
     *
     * @param key the key pair
     * @param dnsNames the names
     * @return the CSR in PEM
     */
    public static String csr(java.security.KeyPair key, String... dnsNames) {
        var csr = CsrBuilder.build(key, new X500Name("CN=" + dnsNames[0]),
                Arrays.stream(dnsNames).map(Identifiers::dns).collect(Collectors.toList()));
        try {
            return PemWriter.encode(PemWriter.CERTIFICATE_REQUEST, csr.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : httpsUrl + pathOrUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
