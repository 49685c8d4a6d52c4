package dev.cachet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.enrolment.CreatedToken;
import dev.cachet.enrolment.Scope;
import dev.cachet.enrolment.TokenService;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.UnitOfWork;
import dev.cachet.store.jdbc.Database;
import dev.cachet.store.jdbc.JdbcAuditLog;
import dev.cachet.store.jdbc.JdbcUnitOfWork;
import dev.cachet.testing.InMemoryAuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail as JSON lines: one object per event, appended, beside the store. */
class AuditFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    private final InMemoryAuditLog store = new InMemoryAuditLog();

    private AuditFile audit(Path file) {
        return new AuditFile(file, store, UnitOfWork.EACH_ON_ITS_OWN);
    }

    @Test
    void anEventRecordedInAUnitOfWorkIsAppendedOnceItCommitsAndNeverIfItRollsBack() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        try (Database database = Database.open(Database.embeddedUrl(dir.resolve("db")), null, null)) {
            JdbcUnitOfWork units = new JdbcUnitOfWork(database.dataSource());
            AuditFile audit = new AuditFile(file, new JdbcAuditLog(database.dataSource()), units);

            assertThatThrownBy(() -> units.inOne(() -> {
                audit.record(event("rolled back"));
                throw new IllegalStateException("stop");
            })).hasMessage("stop");
            units.inOne(() -> {
                audit.record(event("committed"));
                assertThat(file).as("not before the commit").doesNotExist();
            });

            assertThat(Files.readAllLines(file)).singleElement()
                    .satisfies(line -> assertThat(JSON.readTree(line).get("subject").asText()).isEqualTo("committed"));
            assertThat(audit.recent(5)).extracting(AuditEvent::subject).containsExactly("committed");
        }
    }

    @Test
    void eachEventIsOneJsonLineAndReachesTheStore() throws IOException {
        AuditFile audit = audit(dir.resolve("audit.jsonl"));
        AuditEvent issued = new AuditEvent(AT, "token:ops", "certificate.reserved", "1a2b",
                Map.of("profile", "tls-server", "names", "dns:www.example.org"));
        AuditEvent revoked = new AuditEvent(AT.plusSeconds(1), "cli", "token.revoked", "ops", Map.of());

        audit.record(issued);
        audit.record(revoked);

        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0))).isEqualTo(JSON.readTree("{\"at\":\"2026-11-27T10:00:00Z\","
                + "\"actor\":\"token:ops\",\"action\":\"certificate.reserved\",\"subject\":\"1a2b\","
                + "\"details\":{\"names\":\"dns:www.example.org\",\"profile\":\"tls-server\"}}"));
        assertThat(lines.get(1)).isEqualTo("{\"at\":\"2026-11-27T10:00:01Z\",\"actor\":\"cli\","
                + "\"action\":\"token.revoked\",\"subject\":\"ops\",\"details\":{}}");
        assertThat(store.recent(10)).containsExactly(revoked, issued);
        assertThat(audit.recent(1)).containsExactly(revoked);
    }

    @Test
    void theFileIsCreatedForItsOwnerOnlyAndAppendedTo() throws IOException {
        Path file = dir.resolve("data/audit.jsonl");
        AuditFile audit = audit(file);

        audit.record(event("first"));
        Files.writeString(file, "{\"kept\":true}\n", StandardOpenOption.APPEND);
        audit(file).record(event("second"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).hasSize(3).element(1).isEqualTo("{\"kept\":true}");
        assertThat(JSON.readTree(Files.readAllLines(file).get(2)).get("subject").asText()).isEqualTo("second");
    }

    @Test
    void lineBreaksAndQuotesInValuesCannotForgeLines() throws IOException {
        AuditFile audit = audit(dir.resolve("audit.jsonl"));
        String forged = "x\"}\n{\"at\":\"2000-01-01T00:00:00Z\",\"actor\":\"admin\"\r\u2028";

        audit.record(new AuditEvent(AT, forged, "token.used", forged, Map.of("ip", forged)));

        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        assertThat(Files.readString(dir.resolve("audit.jsonl"))).containsOnlyOnce("\n").endsWith("\n");
        JsonNode node = JSON.readTree(lines.get(0));
        assertThat(node.get("actor").asText()).isEqualTo(forged);
        assertThat(node.get("details").get("ip").asText()).isEqualTo(forged);
    }

    @Test
    void concurrentEventsGiveWholeLines() throws Exception {
        AuditFile audit = audit(dir.resolve("audit.jsonl"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    audit.record(event(thread + "-" + i + "-" + "x".repeat(500)));
                }
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> future : done) {
            future.get();
        }

        Set<String> subjects = new HashSet<>();
        for (String line : Files.readAllLines(dir.resolve("audit.jsonl"))) {
            subjects.add(JSON.readTree(line).get("subject").asText());
        }
        assertThat(subjects).hasSize(400);
        assertThat(store.recent(1000)).hasSize(400);
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheEventInOneLine() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("data"), "a file");
        AuditFile audit = audit(notAFolder.resolve("audit.jsonl"));

        assertThatThrownBy(() -> audit.record(event("lost")))
                .isInstanceOf(CachetException.class)
                .hasMessageStartingWith(notAFolder.resolve("audit.jsonl") + ": cannot append the audit event (")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.IO));
    }

    @Test
    void theStorageOfADataFolderWritesTheFileAndNoSecret() throws IOException {
        CachetConfig config = ConfigLoader.load(null, Map.of(), Map.of("data", dir.resolve("data").toString()));
        CreatedToken created;
        try (Storage storage = Storage.open(config, Clock.systemUTC())) {
            created = new TokenService(storage.tokens(), storage.audit(), new SecureRandom(), Clock.systemUTC())
                    .create("ops", EnumSet.of(Scope.ISSUE), List.of("example.org"));
            assertThat(storage.audit().recent(1).get(0).action()).isEqualTo("token.created");
        }

        Path file = dir.resolve("data").resolve(Storage.AUDIT_FILE);
        String text = Files.readString(file);
        assertThat(JSON.readTree(text).get("action").asText()).isEqualTo("token.created");
        assertThat(JSON.readTree(text).get("details").get("domains").asText()).isEqualTo("example.org");
        assertThat(text).doesNotContain(created.secret()).doesNotContain(created.token().secretSha256());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static AuditEvent event(String subject) {
        return new AuditEvent(AT, "test", "test.event", subject, Map.of());
    }
}
