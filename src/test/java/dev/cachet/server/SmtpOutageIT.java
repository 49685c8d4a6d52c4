package dev.cachet.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.CachetClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An SMTP server that is down: the request stays pending, the mail waits and is delivered once SMTP is up. */
class SmtpOutageIT {
    @TempDir
    Path dir;

    @Test
    void theMailIsRetriedUntilTheSmtpServerIsUpAndThenTheRequestIsIssued() {
        try (MailFixture fixture = MailFixture.start(dir.resolve("data"), false, Map.of())) {
            String id = fixture.submit(Map.of("csr", CachetClient.csr("late.example.org"), "contact",
                    "dev@requester.test")).json().path("id").asText();

            ServerAssertions.poll(MailFixture.WAIT, "a failed delivery", () -> outbox(fixture),
                    row -> row.attempts() >= 1);
            assertThat(outbox(fixture).lastError()).contains("127.0.0.1");
            assertThat(fixture.client.get("/api/v1/requests/" + id).json().path("status").asText())
                    .isEqualTo("pending-validation");

            fixture.startSmtp();
            MailFixture.Page page = fixture.openValidationMail("admin@example.org", id);
            assertThat(fixture.press(page, "confirm").status()).isEqualTo(200);

            fixture.awaitStatus("/api/v1/requests/" + id, "issued");
        }
    }

    /** The validation mail's row. */
    private record Row(int attempts, String lastError) {
    }

    private static Row outbox(MailFixture fixture) {
        try (Connection c = fixture.server.storage().database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT attempts, last_error FROM mail_outbox"
                        + " WHERE recipient = 'admin@example.org'")) {
            return rows.next() ? new Row(rows.getInt("attempts"), rows.getString("last_error")) : new Row(0, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
