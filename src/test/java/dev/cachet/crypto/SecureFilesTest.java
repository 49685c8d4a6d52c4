package dev.cachet.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesSecretsWithMode0600AndOthersWith0644() throws Exception {
        SecureFiles.writeAll(List.of(output("key.pem", true), output("cert.pem", false)));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cert.pem"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(dir.resolve("key.pem"))).isEqualTo("key.pem");
    }

    @Test
    void writesNothingWhenOneOutputExists() throws Exception {
        Files.writeString(dir.resolve("cert.pem"), "old");

        assertThatThrownBy(() -> SecureFiles.writeAll(List.of(output("key.pem", true), output("cert.pem", false))))
                .isInstanceOf(CachetException.class).hasMessageContaining("cert.pem: already exists");

        assertThat(Files.readString(dir.resolve("cert.pem"))).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cert.pem");
        }
    }

    @Test
    void refusesAMissingDirectory() {
        assertThatThrownBy(() -> SecureFiles.write(new SecureFiles.Output(dir.resolve("no/such/key.pem"),
                new byte[1], true))).isInstanceOf(CachetException.class).hasMessageContaining("does not exist");
    }

    private SecureFiles.Output output(String name, boolean secret) {
        return new SecureFiles.Output(dir.resolve(name), name.getBytes(StandardCharsets.US_ASCII), secret);
    }
}
