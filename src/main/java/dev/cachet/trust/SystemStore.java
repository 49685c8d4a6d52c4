package dev.cachet.trust;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Debian/Ubuntu system store: a root is a {@code .crt} file in {@code /usr/local/share/ca-certificates}
 * that {@code update-ca-certificates} links into {@code /etc/ssl/certs} and appends to the bundle
 * {@code ca-certificates.crt}. Removal deletes the file and rebuilds with {@code --fresh}, as Debian's
 * manual page says. Every folder lies under a prefix ({@code /} normally) so that tests can build a
 * store of their own with the real tool, never touching the machine's.
 */
public final class SystemStore implements TrustStore {
    private static final String TOOL = "update-ca-certificates";
    private static final String BUNDLE = "ca-certificates.crt";

    private final Path prefix;
    private final ToolRunner runner;

    /**
     * Uses the system store under a prefix.
     *
     * @param prefix {@code /} for the machine's store, another folder for a private one
     * @param runner finds and runs {@code update-ca-certificates}
     */
    public SystemStore(Path prefix, ToolRunner runner) {
        this.prefix = prefix.toAbsolutePath().normalize(); // the tool changes folder: relative paths break
        this.runner = runner;
    }

    @Override
    public StoreKind kind() {
        return StoreKind.SYSTEM;
    }

    @Override
    public String location() {
        return localCertsDir().toString();
    }

    @Override
    public Optional<String> unreadable() {
        return Files.isDirectory(etcCertsDir()) ? Optional.empty()
                : Optional.of(etcCertsDir() + " (package ca-certificates; is this Debian or Ubuntu?)");
    }

    @Override
    public Optional<String> unchangeable() {
        return unreadable()
                .or(() -> runner.find(TOOL).isPresent() ? Optional.empty()
                        : Optional.of(TOOL + " (Debian package ca-certificates)"))
                .or(() -> Writable.check(localCertsDir()))
                .or(() -> Writable.check(etcCertsDir()));
    }

    @Override
    public boolean contains(RootCertificate root) {
        Path bundle = etcCertsDir().resolve(BUNDLE);
        if (!Files.isRegularFile(bundle)) {
            return false;
        }
        try {
            String text = Files.readString(bundle, StandardCharsets.US_ASCII).replaceAll("\\s", "");
            return text.contains(Base64.getEncoder().encodeToString(root.der()));
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, bundle + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void add(RootCertificate root) {
        Path file = localCertsDir().resolve(root.id() + ".crt");
        try {
            Files.createDirectories(localCertsDir());
            Files.write(file, root.pem());
            // A trusted root is public: readable by every program that checks certificates.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, file + ": cannot write (" + e.getMessage() + ")", e);
        }
        update(false);
        if (!contains(root)) {
            throw new CachetException(ErrorType.IO, TOOL + " did not add " + file + " to "
                    + etcCertsDir().resolve(BUNDLE));
        }
    }

    @Override
    public boolean remove(RootCertificate root) {
        Path file = localCertsDir().resolve(root.id() + ".crt");
        boolean present = Files.exists(file) || contains(root);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, file + ": cannot delete (" + e.getMessage() + ")", e);
        }
        if (present) {
            update(true);
            if (contains(root)) {
                throw new CachetException(ErrorType.IO, TOOL + " left the root in "
                        + etcCertsDir().resolve(BUNDLE));
            }
        }
        return present;
    }

    private void update(boolean fresh) {
        List<String> command = new ArrayList<>(List.of(runner.find(TOOL).map(Path::toString).orElse(TOOL)));
        if (fresh) {
            command.add("--fresh"); // drops the link of the deleted file, then rebuilds links and bundle
        }
        if (!isMachineStore()) {
            command.addAll(List.of("--certsconf", prefix.resolve("etc/ca-certificates.conf").toString(),
                    "--certsdir", prefix.resolve("usr/share/ca-certificates").toString(),
                    "--localcertsdir", localCertsDir().toString(),
                    "--etccertsdir", etcCertsDir().toString(),
                    "--hooksdir", prefix.resolve("etc/ca-certificates/update.d").toString()));
        }
        runner.runOk(TOOL + " failed", command, new byte[0], Map.of());
    }

    private boolean isMachineStore() {
        return prefix.equals(Path.of("/"));
    }

    private Path localCertsDir() {
        return prefix.resolve("usr/local/share/ca-certificates");
    }

    private Path etcCertsDir() {
        return prefix.resolve("etc/ssl/certs");
    }
}
