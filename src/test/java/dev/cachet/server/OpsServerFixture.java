package dev.cachet.server;

import dev.cachet.enrolment.Scope;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.RunningServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One server on H2 per test class, and a client with an "ops" token for example.org that may do everything. */
abstract class OpsServerFixture {
    static final String CERTIFICATES = "/api/v1/certificates";

    @TempDir
    static Path dir;

    static RunningServer server;
    static CachetClient ops;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir.resolve("data"), Map.of());
        ops = server.client().withToken(server.token("ops", List.of("example.org"), Scope.ISSUE, Scope.REVOKE,
                Scope.READ));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }
}
