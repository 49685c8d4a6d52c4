package dev.cachet.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/cachet} runs the packaged jar from any current directory. */
class LauncherIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Failsafe runs in the project root. */
    private final Path root = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @BeforeEach
    void requireThePackagedJar() throws IOException {
        Path jar = root.resolve("target/cachet.jar");
        // Without the jar the launcher would start a Maven build of its own.
        assertThat(jar).as("the jar 'mvn package' builds").isRegularFile();
        String built = System.getenv("CACHET_JAR");
        if (built != null) {
            assertThat(Files.isSameFile(jar, Path.of(built))).as("bin/cachet runs %s", built).isTrue();
        }
        assertThat(root.resolve("bin/cachet")).isExecutable();
    }

    @Test
    void printsTheVersion() {
        Processes.Result result = cachet("--version");

        assertThat(result.exitCode()).as(result.output()).isZero();
        String version = System.getProperty("cachet.version");
        if (version != null) {
            assertThat(result.output()).isEqualTo("cachet " + version + "\n");
        } else {
            assertThat(result.output()).matches("cachet \\d+\\.\\d+\\.\\d+\\S*\n");
        }
    }

    @Test
    void createsAKeyRelativeToTheCurrentDirectory() throws IOException {
        Processes.Result result = cachet("key", "create", "--out", "k.pem");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).startsWith("Wrote ec-p256 private key to k.pem (mode 0600, not encrypted)\n");
        Path key = dir.resolve("k.pem");
        assertThat(key).content().startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(root.resolve("k.pem")).doesNotExist();
    }

    @Test
    void exitsWithTheCommandsExitCode() {
        Processes.Result result = cachet("key", "create", "--type", "rsa-1024", "--out", "k.pem");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).startsWith("cachet key create: Invalid value for option '--type'");
        assertThat(dir.resolve("k.pem")).doesNotExist();
    }

    private Processes.Result cachet(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/cachet").toString());
        command.addAll(List.of(args));
        // The launcher uses JAVA_HOME: the JDK that runs the tests runs the jar too.
        return Processes.run(dir, TIMEOUT, Map.of("JAVA_HOME", System.getProperty("java.home")), command);
    }
}
