package dev.cachet.server;

import static dev.cachet.server.ServerAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.cli.CliRunner;
import dev.cachet.testing.CachetClient;
import dev.cachet.testing.Processes;
import dev.cachet.testing.RunningServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cachet token} works on the embedded H2 database while a server holds it (H2's
 * AUTO_SERVER on the loopback interface), and the server honours its changes at once.
 */
class TokenCliWhileServingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTokenCreatedByAnotherProcessWorksAtOnceAndItsRevocationToo() {
        Processes.Result created = cachet("token", "create", "--data", server.data().toString(), "--name", "cli",
                "--scopes", "issue,read", "--domains", "example.org");
        assertThat(created.exitCode()).as(created.output()).isZero();
        String secret = lastLine(created.output());
        assertThat(secret).startsWith("cachet_");
        CachetClient client = server.client().withToken(secret);

        CachetClient.Reply issued = client.postJson("/api/v1/certificates",
                CachetClient.json(Map.of("csr", CachetClient.csr("cli.example.org"))));
        Processes.Result revoked = cachet("token", "revoke", "--data", server.data().toString(), "--name", "cli");

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(revoked.exitCode()).as(revoked.output()).isZero();
        assertProblem(client.get("/api/v1/certificates"), 401, "unauthorized");
    }

    @Test
    void aTokenCreatedInTheSameProcessWorksAtOnceAndIsListed() {
        CliRunner.Result created = CliRunner.runOk("token", "create", "--data", server.data().toString(),
                "--name", "in-process", "--scopes", "read");

        CachetClient.Reply reply = server.client().withToken(lastLine(created.out())).get("/api/v1/certificates");
        CliRunner.Result listed = CliRunner.runOk("token", "list", "--data", server.data().toString());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("items").isArray()).isTrue();
        assertThat(listed.out()).containsPattern("in-process +active +scopes=read domains= ");
    }

    /** Runs the packaged jar in a process of its own, with the JDK that runs the tests, tuned to start fast. */
    private static Processes.Result cachet(String... args) {
        String jar = System.getenv().getOrDefault("CACHET_JAR", Path.of("target/cachet.jar").toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                Path.of(jar).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return Processes.run(dir, TIMEOUT, Map.of(), command);
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }
}
