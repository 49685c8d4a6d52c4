package dev.cachet.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Java truststore, such as the JDK's {@code lib/security/cacerts}, changed with the JDK's
 * {@code keytool}. The store password goes through the environment, never the command line
 * (where {@code ps} shows it); {@code changeit} is the JDK's default.
 */
public final class JavaStore implements TrustStore {
    /** The password of the JDK's cacerts, unless the owner changed it. */
    public static final String DEFAULT_PASSWORD = "changeit";
    private static final String PASSWORD_VARIABLE = "CACHET_KEYTOOL_STOREPASS";

    private final Path keystore;
    private final Path keytool;
    private final char[] password;
    private final ToolRunner runner;

    /**
     * Uses a Java truststore.
     *
     * @param keystore the truststore file, which must exist
     * @param keytool the {@code keytool} executable
     * @param password the store password
     * @param runner runs {@code keytool}
     */
    public JavaStore(Path keystore, Path keytool, char[] password, ToolRunner runner) {
        this.keystore = keystore;
        this.keytool = keytool;
        this.password = password.clone();
        this.runner = runner;
    }

    @Override
    public StoreKind kind() {
        return StoreKind.JAVA;
    }

    @Override
    public String location() {
        return keystore.toString();
    }

    @Override
    public Optional<String> unreadable() {
        if (!Files.isExecutable(keytool)) {
            return Optional.of("keytool (" + keytool + ", part of the JDK; set JAVA_HOME)");
        }
        return Files.isRegularFile(keystore) ? Optional.empty()
                : Optional.of("an existing truststore at " + keystore + " (see --java-truststore)");
    }

    @Override
    public Optional<String> unchangeable() {
        return unreadable().or(() -> Writable.check(keystore));
    }

    @Override
    public boolean contains(RootCertificate root) {
        return Files.isRegularFile(keystore)
                && runner.run(command(List.of("-list", "-alias", root.id())), new byte[0], environment()).ok();
    }

    @Override
    public void add(RootCertificate root) {
        runner.runOk("keytool could not add the root to " + keystore,
                command(List.of("-importcert", "-noprompt", "-alias", root.id())), root.pem(), environment());
    }

    @Override
    public boolean remove(RootCertificate root) {
        if (!contains(root)) {
            return false;
        }
        runner.runOk("keytool could not remove the root from " + keystore,
                command(List.of("-delete", "-alias", root.id())), new byte[0], environment());
        return true;
    }

    private List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(arguments);
        command.addAll(List.of("-keystore", keystore.toString(), "-storepass:env", PASSWORD_VARIABLE));
        return command;
    }

    private Map<String, String> environment() {
        return Map.of(PASSWORD_VARIABLE, new String(password));
    }
}
