package dev.cachet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.testing.CachetClient;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every REST call with a token leaves exactly one token.used event: a certificate's issuance records
 * it in the transaction of the reservation (right after the reservation's own event), a refused call
 * on its own.
 */
class TokenUseAuditIT extends OpsServerFixture {

    @Test
    void anIssuanceRecordsTheTokenUseWithItsReservation() throws IOException {
        int before = events().size();

        String serial = ops.issue(CachetClient.csr("use.example.org")).path("serial").asText();

        List<JsonNode> added = events().subList(before, events().size());
        assertThat(added).extracting(e -> e.path("action").asText())
                .containsExactly("certificate.reserved", "token.used");
        assertThat(added.get(0).path("subject").asText()).isEqualToIgnoringCase(serial);
        assertThat(added.get(1).path("actor").asText()).isEqualTo("token:ops");
        assertThat(added.get(1).path("subject").asText()).isEqualTo("POST " + CERTIFICATES);
    }

    @Test
    void aBadCsrOrAForeignNameStillRecordsTheTokenUseOnce() throws IOException {
        int before = events().size();

        assertThat(ops.postJson(CERTIFICATES, CachetClient.json(Map.of("csr", "not a CSR"))).status())
                .isEqualTo(400);
        assertThat(ops.postJson(CERTIFICATES, CachetClient.json(Map.of("csr", CachetClient.csr("evil.net"))))
                .status()).isEqualTo(403);

        assertThat(events().subList(before, events().size())).extracting(e -> e.path("action").asText())
                .containsExactly("token.used", "token.used");
    }

    private static List<JsonNode> events() throws IOException {
        return Files.readAllLines(dir.resolve("data").resolve(Storage.AUDIT_FILE)).stream()
                .map(CachetClient::parse).toList();
    }
}
