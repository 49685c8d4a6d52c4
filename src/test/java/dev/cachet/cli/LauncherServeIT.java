package dev.cachet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cachet serve}, the README's first command: it starts the server with the JVM options
 * of {@code bin/serve-jvm-options} (a bad option there would stop the JVM before it answers), a
 * first clean exit leaves the class data sharing archive, and the next start uses it. The launcher
 * runs from a copy beside a link to the packaged jar, so the archive lands in the test's folder.
 */
class LauncherServeIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path home;

    @BeforeEach
    void copyTheLauncher() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        String built = System.getenv("CACHET_JAR");
        Path jar = built != null ? Path.of(built).toAbsolutePath() : root.resolve("target/cachet.jar");
        assertThat(jar).as("the jar 'mvn package' builds").isRegularFile();
        home = dir.toRealPath().resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target"));
        for (String file : new String[] {"bin/cachet", "bin/serve-jvm-options"}) {
            Files.copy(root.resolve(file), home.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.createSymbolicLink(home.resolve("target/cachet.jar"), jar);
    }

    @Test
    void servesWithItsOptionsAndWritesTheArchiveItUsesNextTime() throws Exception {
        Path archive = home.resolve("target/cachet.jsa");

        try (ServeProcess first = serve(Map.of())) {
            assertThat(first.jvmArguments()).contains(options())
                    .anySatisfy(argument -> assertThat(argument).startsWith("-XX:ArchiveClassesAtExit="));
            first.terminate();
            assertThat(first.awaitExit(STOP)).as(first.errors()).isEqualTo(ServeProcess.SIGTERM_EXIT);
        }
        assertThat(archive).isNotEmptyFile();

        try (ServeProcess second = serve(Map.of())) {
            assertThat(second.jvmArguments()).contains(options(), "-XX:SharedArchiveFile=" + archive);
            second.terminate();
            assertThat(second.awaitExit(STOP)).as(second.errors()).isEqualTo(ServeProcess.SIGTERM_EXIT);
        }
    }

    @Test
    void withoutTheArchiveKeepsTheOptions() throws Exception {
        try (ServeProcess serve = serve(Map.of("CACHET_CDS", "0"))) {
            assertThat(serve.jvmArguments()).contains(options())
                    .noneSatisfy(argument -> assertThat(argument).contains("Archive"));
        }
        assertThat(home.resolve("target/cachet.jsa")).doesNotExist();
    }

    @Test
    void cachetJavaOptsReplaceTheOptions() throws Exception {
        try (ServeProcess serve = serve(Map.of("CACHET_JAVA_OPTS", "-Xmx256m"))) {
            assertThat(serve.jvmArguments()).contains("-Xmx256m").doesNotContain(options());
        }
    }

    private String options() {
        return "@" + home.resolve("bin/serve-jvm-options");
    }

    /** Starts serve and waits until it answers: it prints "ready" once its listeners are up. */
    private ServeProcess serve(Map<String, String> environment) throws IOException, InterruptedException {
        ServeProcess serve = ServeProcess.startLauncher(dir, home.resolve("bin/cachet"), environment, "serve",
                "--data", dir.resolve("data").toString(), "--listen", "127.0.0.1:0",
                "--http-listen", "127.0.0.1:0");
        try {
            serve.awaitLine("ready ", START);
        } catch (AssertionError | InterruptedException e) {
            serve.close();
            throw e;
        }
        return serve;
    }
}
