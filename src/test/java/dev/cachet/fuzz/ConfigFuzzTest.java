package dev.cachet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cachet.core.CachetException;
import dev.cachet.server.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The configuration loader: any YAML file yields a checked configuration or one typed error. */
class ConfigFuzzTest {
    private static final Path FILE = temporaryFile();

    @FuzzTest
    void yaml(byte[] content) throws IOException {
        Files.write(FILE, content);
        try {
            ConfigLoader.load(FILE, Map.of(), Map.of());
        } catch (CachetException expected) {
            // Cachet's typed error: the only acceptable outcome for bad input.
        }
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("cachet-fuzz", ".yaml");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
