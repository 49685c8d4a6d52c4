package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.store.CertificateRecord;
import dev.cachet.testing.BadInputs;
import dev.cachet.testing.CachetClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input to a running server gets one clear RFC 9457 problem (or, for OCSP, an OCSP
 * error) and leaves nothing in the database.
 */
class RestBadInputIT extends OpsServerFixture {
    static Stream<Arguments> badIssueRequests() {
        String csr = CachetClient.csr("bad.example.org");
        return Stream.of(
                Arguments.of("malformed JSON", "{\"csr\": ", 400, "malformed", "not valid JSON"),
                Arguments.of("not a JSON object", "[1, 2]", 400, "malformed", "not valid JSON"),
                Arguments.of("no csr", "{}", 400, "malformed", "'csr'"),
                Arguments.of("unknown field", CachetClient.json(Map.of("csr", csr, "validity", 30)), 400,
                        "malformed", "unknown field 'validity'"),
                Arguments.of("CSR that is not PEM", CachetClient.json(Map.of("csr", "hello")), 400, "malformed",
                        "PEM"),
                Arguments.of("CSR with broken base64", CachetClient.json(Map.of("csr", BadInputs.corruptBase64(csr))),
                        400, "malformed", "base64"),
                Arguments.of("CSR with a bad signature", CachetClient.json(Map.of("csr",
                        BadInputs.withBrokenSignature(csr))), 400, "badCsr", "signature"),
                Arguments.of("RSA-1024 key", CachetClient.json(Map.of("csr",
                        BadInputs.csrPem(BadInputs.rsa1024(), "weak.example.org"))), 400, "badPublicKey", "1024"),
                Arguments.of("unknown profile", CachetClient.json(Map.of("csr", csr, "profile", "nope")), 400,
                        "policy", "unknown profile 'nope'"),
                Arguments.of("validity beyond the profile", CachetClient.json(Map.of("csr", csr, "days", 400)), 400,
                        "policy", "400"),
                Arguments.of("body over the size limit", CachetClient.json(Map.of("csr", csr, "pad",
                        "x".repeat(100 * 1024))), 413, "bodyTooLarge", "larger than the limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIssueRequests")
    void aBadIssueRequestIsAProblemAndWritesNothing(String what, String body, int status, String type,
            String detail) {
        List<CertificateRecord> before = server.certificates();

        CachetClient.Reply reply = ops.postJson(CERTIFICATES, body);

        assertThat(assertProblem(reply, status, type)).containsIgnoringCase(detail);
        assertThat(server.certificates()).as("certificates after: " + what).hasSameSizeAs(before);
    }

    @Test
    void badSearchesAndSerialsAreProblems() {
        assertThat(assertProblem(ops.get(CERTIFICATES + "/not-hex"), 400, "malformed")).contains("hex");
        assertThat(assertProblem(ops.get(CERTIFICATES + "?status=lost"), 400, "malformed")).contains("status");
        assertThat(assertProblem(ops.get(CERTIFICATES + "?expiresBefore=tomorrow"), 400, "malformed"))
                .contains("ISO-8601");
        assertThat(assertProblem(ops.get(CERTIFICATES + "?limit=0"), 400, "malformed")).contains("limit");
        assertThat(assertProblem(ops.get(CERTIFICATES + "?name=bad..name"), 400, "rejectedIdentifier"))
                .contains("bad..name");
        assertProblem(ops.get("/api/v1/nothing-here"), 404, "notFound");
    }

    @Test
    void aBadRevocationReasonIsAProblemAndRevokesNothing() {
        String serial = ops.issue(CachetClient.csr("reason.example.org")).path("serial").asText();

        String unknown = assertProblem(ops.postJson(CERTIFICATES + "/" + serial + "/revoke",
                "{\"reason\":\"boredom\"}"), 400, "malformed");
        String caCompromise = assertProblem(ops.postJson(CERTIFICATES + "/" + serial + "/revoke",
                "{\"reason\":\"cACompromise\"}"), 400, "policy");

        assertThat(unknown).contains("boredom").contains("keyCompromise");
        assertThat(caCompromise).contains("cACompromise");
        assertThat(ops.get(CERTIFICATES + "/" + serial).json().path("status").asText()).isEqualTo("valid");
    }

    @Test
    void garbageOcspRequestsGetMalformedRequestOverHttp200() throws Exception {
        String ocsp = server.server().httpUrl() + "/ocsp";
        CachetClient plain = server.client();

        for (CachetClient.Reply reply : List.of(
                plain.post(ocsp, "application/ocsp-request", "not an OCSP request".getBytes(StandardCharsets.UTF_8)),
                plain.post(ocsp, "application/ocsp-request", new byte[0]),
                plain.get(ocsp + "/bm90IGFuIE9DU1AgcmVxdWVzdA=="),
                plain.get(ocsp + "/%21%21not*base64"))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).isEqualTo("application/ocsp-response");
            assertThat(new OCSPResp(reply.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
    }
}
