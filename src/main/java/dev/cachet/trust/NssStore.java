package dev.cachet.trust;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One NSS database (the SQLite kind, {@code cert9.db}), changed with {@code certutil}: the user's
 * {@code ~/.pki/nssdb} that Chromium reads on Linux, or a Firefox profile. The root gets trust flags
 * {@code C,,}: a trusted CA for TLS servers, nothing else.
 */
public final class NssStore implements TrustStore {
    private static final String TOOL = "certutil";
    private static final String TLS_CA_TRUST = "C,,";

    private final Path dir;
    private final ToolRunner runner;

    /**
     * Uses an NSS database.
     *
     * @param dir the database folder; created, with an empty database, on the first install
     * @param runner finds and runs {@code certutil}
     */
    public NssStore(Path dir, ToolRunner runner) {
        this.dir = dir;
        this.runner = runner;
    }

    @Override
    public StoreKind kind() {
        return StoreKind.NSS;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public Optional<String> unreadable() {
        return runner.find(TOOL).isPresent() ? Optional.empty()
                : Optional.of(TOOL + " (Debian package libnss3-tools)");
    }

    @Override
    public Optional<String> unchangeable() {
        return unreadable().or(() -> Writable.check(dir));
    }

    @Override
    public boolean contains(RootCertificate root) {
        return exists() && certutil(List.of("-L", "-n", root.id())).ok();
    }

    @Override
    public void add(RootCertificate root) {
        if (!exists()) {
            create();
        }
        List<String> arguments = List.of("-A", "-n", root.id(), "-t", TLS_CA_TRUST);
        runner.runOk(TOOL + " could not add the root to " + dir, command(arguments), root.pem(), Map.of());
    }

    @Override
    public boolean remove(RootCertificate root) {
        if (!contains(root)) {
            return false;
        }
        runner.runOk(TOOL + " could not remove the root from " + dir, command(List.of("-D", "-n", root.id())),
                new byte[0], Map.of());
        return true;
    }

    private boolean exists() {
        return Files.isRegularFile(dir.resolve("cert9.db"));
    }

    /** A new database without a password, as Chromium creates it. */
    private void create() {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, dir + ": cannot create (" + e.getMessage() + ")", e);
        }
        runner.runOk(TOOL + " could not create an NSS database in " + dir, command(List.of("-N",
                "--empty-password")), new byte[0], Map.of());
    }

    private ToolRunner.Outcome certutil(List<String> arguments) {
        return runner.run(command(arguments), new byte[0], Map.of());
    }

    private List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(runner.find(TOOL).map(Path::toString).orElse(TOOL));
        command.addAll(List.of("-d", "sql:" + dir.toAbsolutePath()));
        command.addAll(arguments);
        return command;
    }
}
