package dev.cachet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SoftHSM2 token of a test's own: a SoftHSM configuration with a private token folder, a token
 * initialised with {@code softhsm2-util}, and the SunPKCS11 configuration and PIN file that
 * {@code cachet ca init --pkcs11} reads. Processes that use it need {@link #environment()}.
 */
public final class SoftHsm {
    /** The user PIN of the token. */
    public static final String PIN = "4711";
    private static final Path UTIL = Path.of("/usr/bin/softhsm2-util");
    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    private final Path conf;
    private final Path pkcs11Config;
    private final Path pinFile;

    private SoftHsm(Path conf, Path pkcs11Config, Path pinFile) {
        this.conf = conf;
        this.pkcs11Config = pkcs11Config;
        this.pinFile = pinFile;
    }

    /**
     * Initialises a new token in a folder; skips the test without SoftHSM2, fails on CI.
     *
     * @param dir an empty folder of the test
     * @return the token
     */
    public static SoftHsm initialise(Path dir) {
        ExternalTool.require("softhsm2-util", Files.isExecutable(UTIL) && Files.isRegularFile(LIBRARY));
        try {
            Path tokens = Files.createDirectories(dir.resolve("tokens"));
            Path conf = Files.writeString(dir.resolve("softhsm2.conf"), "directories.tokendir = " + tokens
                    + "\nobjectstore.backend = file\nlog.level = ERROR\n");
            Processes.Result init = Processes.run(dir, Duration.ofSeconds(60), Map.of("SOFTHSM2_CONF", conf.toString()),
                    List.of(UTIL.toString(), "--init-token", "--free", "--label", "cachet-test", "--pin", PIN,
                            "--so-pin", "271828"));
            Matcher slot = SLOT.matcher(init.output());
            if (init.exitCode() != 0 || !slot.find()) {
                throw new AssertionError("softhsm2-util --init-token failed:\n" + init.output());
            }
            Path config = Files.writeString(dir.resolve("pkcs11.cfg"), "name = SoftHSM\nlibrary = " + LIBRARY
                    + "\nslot = " + slot.group(1) + "\n");
            return new SoftHsm(conf, config, Files.writeString(dir.resolve("pin.txt"), PIN + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the variables a process using this token needs: {@code SOFTHSM2_CONF} */
    public Map<String, String> environment() {
        return Map.of("SOFTHSM2_CONF", conf.toString());
    }

    /** @return the SunPKCS11 configuration file of the token */
    public Path pkcs11Config() {
        return pkcs11Config;
    }

    /** @return a file holding the user PIN */
    public Path pinFile() {
        return pinFile;
    }
}
