package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCompactionTest {
    private static final Instant EXPIRES = Instant.parse("2100-01-01T00:00:00Z");
    private static final int COMMITS = 2000;

    @TempDir
    Path dir;

    /**
     * H2 keeps old chunks for its retention time (45 s by default); 0 here makes every dead chunk
     * rewritable at once, so that the test need not wait.
     */
    private Database open() {
        return Database.open(Database.embeddedUrl(dir) + ";RETENTION_TIME=0", null, null);
    }

    @Test
    void withCompactionTheFileStopsGrowingAndKeepsEveryCommit() throws IOException {
        try (Database database = open();
                EmbeddedCompaction compaction = EmbeddedCompaction.start(database.dataSource(), Duration.ofHours(1))) {
            JdbcNonceStore nonces = new JdbcNonceStore(database.dataSource());
            redeem(nonces, 0);
            long first = fileSize();
            assertThat(compaction.runOnce()).as("sparse chunks were rewritten").isPositive();
            redeem(nonces, 1);
            compaction.runOnce();
            redeem(nonces, 2);

            assertThat(fileSize()).as("after %d more commits, from %d bytes", 2 * COMMITS, first)
                    .isLessThan(first * 3 / 2);
            for (int i = 0; i < 3 * COMMITS; i += 97) {
                assertThat(nonces.redeem("nonce-" + i, EXPIRES)).as("nonce-%d is still recorded", i).isFalse();
            }
        }
    }

    @Test
    void withoutItTheSameCommitsGrowTheFile() throws IOException {
        try (Database database = open()) {
            JdbcNonceStore nonces = new JdbcNonceStore(database.dataSource());
            redeem(nonces, 0);
            long first = fileSize();
            redeem(nonces, 1);
            redeem(nonces, 2);

            assertThat(fileSize()).isGreaterThan(first * 2);
        }
    }

    @Test
    void aDatabaseReachedThroughAnotherProcessIsLeftAlone() {
        try (Database owner = Database.embedded(dir); Database client = Database.embedded(dir);
                EmbeddedCompaction compaction = EmbeddedCompaction.start(client.dataSource(), Duration.ofHours(1))) {
            assertThat(compaction.runOnce()).isZero();
            assertThat(new JdbcNonceStore(owner.dataSource()).redeem("n", EXPIRES)).isTrue();
        }
    }

    private static void redeem(JdbcNonceStore nonces, int batch) {
        for (int i = batch * COMMITS; i < (batch + 1) * COMMITS; i++) {
            assertThat(nonces.redeem("nonce-" + i, EXPIRES)).isTrue();
        }
    }

    private long fileSize() throws IOException {
        return Files.size(dir.resolve("cachet.mv.db"));
    }
}
