package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.assertChainsToRoot;
import static dev.cachet.server.ServerAssertions.assertProblem;
import static dev.cachet.server.ServerAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.enrolment.Scope;
import dev.cachet.testing.CachetClient;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/** The REST API of a running server on H2: issue, read, search, revoke, and who may do what. */
class RestApiIT extends OpsServerFixture {
    @Test
    void issuesACertificateThatChainsToTheRootAndPointsAtTheHttpListener() {
        CachetClient.Reply reply = ops.postJson(CERTIFICATES, CachetClient.json(Map.of("csr",
                CachetClient.csr("www.example.org", "api.example.org"))));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode body = reply.json();
        String serial = body.path("serial").asText();
        assertThat(serial).matches("[0-9a-f]{1,40}");
        assertThat(reply.header("Location")).isEqualTo(CERTIFICATES + "/" + serial);
        assertThat(body.path("profile").asText()).isEqualTo("tls-server");
        X509CertificateHolder certificate = parse(body.path("certificate").asText()).get(0);
        assertThat(certificate.getSerialNumber()).isEqualTo(new BigInteger(serial, 16));
        assertThat(Instant.parse(body.path("notAfter").asText())).isEqualTo(certificate.getNotAfter().toInstant());
        assertChainsToRoot(body.path("certificate").asText(), body.path("chain").asText(),
                server.server().rootCertificate());
        String http = server.server().httpUrl();
        assertThat(accessLocations(certificate)).containsExactlyInAnyOrder(http + "/ocsp",
                http + "/ca/intermediate.der");
        assertThat(crlUrls(certificate)).containsExactly(http + "/crl/intermediate.crl");
    }

    @Test
    void readsACertificateByItsSerial() {
        JsonNode issued = ops.issue(CachetClient.csr("read.example.org"));

        CachetClient.Reply reply = ops.get(CERTIFICATES + "/" + issued.path("serial").asText());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("serial").asText()).isEqualTo(issued.path("serial").asText());
        assertThat(body.path("status").asText()).isEqualTo("valid");
        assertThat(body.path("profile").asText()).isEqualTo("tls-server");
        assertThat(body.path("names").toString()).isEqualTo("[\"dns:read.example.org\"]");
        assertThat(body.path("certificate").asText()).isEqualTo(issued.path("certificate").asText());
        assertThat(body.has("revokedAt")).isFalse();
    }

    @Test
    void searchesByNameStatusAndExpiryPageByPage() {
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            serials.add(ops.issue(CachetClient.csr("search.example.org")).path("serial").asText());
        }
        serials.sort((a, b) -> new BigInteger(a, 16).compareTo(new BigInteger(b, 16)));
        ops.postJson(CERTIFICATES + "/" + serials.get(1) + "/revoke", "{}");

        assertThat(serialsOf(ops.get(CERTIFICATES + "?name=search.example.org"))).isEqualTo(serials);
        assertThat(serialsOf(ops.get(CERTIFICATES + "?name=dns:search.example.org"))).isEqualTo(serials);
        assertThat(serialsOf(ops.get(CERTIFICATES + "?name=search.example.org&status=valid")))
                .containsExactly(serials.get(0), serials.get(2));
        assertThat(serialsOf(ops.get(CERTIFICATES + "?name=search.example.org&status=revoked")))
                .containsExactly(serials.get(1));
        assertThat(serialsOf(ops.get(CERTIFICATES + "?name=search.example.org&expiresBefore="
                + Instant.now().plusSeconds(86_400)))).isEmpty();
        assertThat(serialsOf(ops.get(CERTIFICATES + "?name=search.example.org&expiresBefore=2100-01-01T00:00:00Z")))
                .isEqualTo(serials);
        List<String> paged = new ArrayList<>();
        String query = CERTIFICATES + "?name=search.example.org&limit=2";
        JsonNode page = ops.get(query).json();
        for (int pages = 0; pages < 5 && page.hasNonNull("next"); pages++) {
            page.path("items").forEach(item -> paged.add(item.path("serial").asText()));
            page = ops.get(query + "&after=" + page.path("next").asText()).json();
        }
        page.path("items").forEach(item -> paged.add(item.path("serial").asText()));
        assertThat(paged).isEqualTo(serials);
    }

    @Test
    void revokesOnceThenAnswersAlreadyRevoked() {
        String serial = ops.issue(CachetClient.csr("revoke.example.org")).path("serial").asText();

        CachetClient.Reply first = ops.postJson(CERTIFICATES + "/" + serial + "/revoke", "{\"reason\":\"superseded\"}");
        CachetClient.Reply second = ops.postJson(CERTIFICATES + "/" + serial + "/revoke", "{}");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("status").asText()).isEqualTo("revoked");
        assertThat(first.json().path("revocationReason").asText()).isEqualTo("superseded");
        assertThat(first.json().path("revokedAt").asText()).isNotBlank();
        assertThat(assertProblem(second, 409, "alreadyRevoked")).contains(serial);
        assertThat(ops.get(CERTIFICATES + "/" + serial).json().path("revocationReason").asText())
                .isEqualTo("superseded");
    }

    @Test
    void anUnknownSerialIsNotFound() {
        String unknown = "7e57" + "0".repeat(28);

        assertThat(assertProblem(ops.get(CERTIFICATES + "/" + unknown), 404, "notFound")).contains(unknown);
        assertThat(assertProblem(ops.postJson(CERTIFICATES + "/" + unknown + "/revoke", "{}"), 404, "notFound"))
                .contains(unknown);
    }

    @Test
    void namesOutsideTheTokensDomainsAreForbiddenAndNothingIsStored() {
        int before = server.certificates().size();

        CachetClient.Reply reply = ops.postJson(CERTIFICATES, CachetClient.json(Map.of("csr",
                CachetClient.csr("www.example.org", "www.example.net"))));

        assertThat(assertProblem(reply, 403, "forbidden")).contains("dns:www.example.net")
                .doesNotContain("dns:www.example.org,");
        assertThat(server.certificates()).hasSize(before);
    }

    @Test
    void aMissingOrUnknownTokenIsUnauthorized() {
        CachetClient anonymous = server.client();
        String body = CachetClient.json(Map.of("csr", CachetClient.csr("www.example.org")));

        for (CachetClient.Reply reply : List.of(anonymous.postJson(CERTIFICATES, body),
                anonymous.withToken("cachet_not-a-token").postJson(CERTIFICATES, body),
                anonymous.withToken("cachet_not-a-token").get(CERTIFICATES))) {
            assertProblem(reply, 401, "unauthorized");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() {
        CachetClient reader = server.client().withToken(server.token("reader", List.of("example.org"), Scope.READ));
        String serial = ops.issue(CachetClient.csr("scope.example.org")).path("serial").asText();
        int before = server.certificates().size();

        String issue = assertProblem(reader.postJson(CERTIFICATES, CachetClient.json(Map.of("csr",
                CachetClient.csr("www.example.org")))), 403, "forbidden");
        String revoke = assertProblem(reader.postJson(CERTIFICATES + "/" + serial + "/revoke", "{}"), 403,
                "forbidden");

        assertThat(issue).contains("'issue'");
        assertThat(revoke).contains("'revoke'");
        assertThat(server.certificates()).hasSize(before);
        assertThat(reader.get(CERTIFICATES + "/" + serial).json().path("status").asText()).isEqualTo("valid");
    }

    private static List<String> serialsOf(CachetClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> serials = new ArrayList<>();
        reply.json().path("items").forEach(item -> serials.add(item.path("serial").asText()));
        return serials;
    }

    private static List<String> accessLocations(X509CertificateHolder certificate) {
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
        List<String> urls = new ArrayList<>();
        for (AccessDescription description : aia.getAccessDescriptions()) {
            urls.add(uri(description.getAccessLocation()));
        }
        return urls;
    }

    private static List<String> crlUrls(X509CertificateHolder certificate) {
        CRLDistPoint points = CRLDistPoint.fromExtensions(certificate.getExtensions());
        assertThat(points).as("CRL distribution points of " + certificate.getSubject()).isNotNull();
        List<String> urls = new ArrayList<>();
        for (DistributionPoint point : points.getDistributionPoints()) {
            for (GeneralName name : GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
                urls.add(uri(name));
            }
        }
        return urls;
    }

    private static String uri(GeneralName name) {
        assertThat(name.getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
        return name.getName().toString();
    }
}
