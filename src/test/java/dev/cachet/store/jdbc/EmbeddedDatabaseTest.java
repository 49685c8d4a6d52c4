package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.ErrorType;
import dev.cachet.store.ApiToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default and what opening an unreachable database does. */
class EmbeddedDatabaseTest {

    @Test
    void theEmbeddedDatabaseIsAFileInTheDataFolderThatSurvivesAReopen(@TempDir Path dir) {
        ApiToken token = token();
        try (Database database = Database.embedded(dir)) {
            new JdbcTokenStore(database.dataSource()).create(token);
        }
        assertThat(Files.exists(dir.resolve("cachet.mv.db"))).isTrue();

        try (Database database = Database.embedded(dir)) {
            assertThat(new JdbcTokenStore(database.dataSource()).list()).containsExactly(token);
        }
    }

    @Test
    void aSecondOpenerConnectsToTheFirstThroughItsLoopbackAddress(@TempDir Path dir) throws IOException {
        try (Database first = Database.embedded(dir)) {
            Path address = dir.resolve(SharedH2.ADDRESS_FILE);
            assertThat(Files.readString(address)).startsWith("jdbc:h2:tcp://127.0.0.1:");
            assertThat(Files.getPosixFilePermissions(address)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            try (Database second = Database.embedded(dir)) {
                new JdbcTokenStore(second.dataSource()).create(token());
                assertThat(second.ownsEmbeddedFile()).as("the second reaches the file through the first").isFalse();
            }
            assertThat(first.ownsEmbeddedFile()).isTrue();
            assertThat(new JdbcTokenStore(first.dataSource()).list()).containsExactly(token());
        }
        assertThat(dir.resolve(SharedH2.ADDRESS_FILE)).doesNotExist();
    }

    @Test
    void anAddressLeftByAKilledProcessIsForgotten(@TempDir Path dir) throws IOException {
        try (Database database = Database.embedded(dir)) {
            new JdbcTokenStore(database.dataSource()).create(token());
        }
        Files.writeString(dir.resolve(SharedH2.ADDRESS_FILE), "jdbc:h2:tcp://127.0.0.1:" + closedPort() + "/gone\n");

        try (Database database = Database.embedded(dir)) {
            assertThat(new JdbcTokenStore(database.dataSource()).list()).containsExactly(token());
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailableWithinSeconds() throws IOException {
        int closedPort = closedPort();
        long start = System.nanoTime();

        JdbcCertificateStoreTest.assertFails(ErrorType.UNAVAILABLE,
                () -> Database.open("jdbc:postgresql://127.0.0.1:" + closedPort + "/cachet", "u", "p"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private static ApiToken token() {
        return new ApiToken("t1", "deploy", "ab".repeat(32), Set.of("read"), List.of(),
                Instant.parse("2026-03-01T10:00:00Z"), false);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
