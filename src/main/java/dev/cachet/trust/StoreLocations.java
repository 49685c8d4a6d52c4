package dev.cachet.trust;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the trust stores are. The defaults follow mkcert: the user's NSS database in
 * {@code $HOME/.pki/nssdb} (plus Firefox profiles), the JDK's {@code lib/security/cacerts}, and the
 * system store under {@code /}.
 *
 * @param home the user's home folder ({@code $HOME}: Chromium and Firefox look there)
 * @param nssDb one NSS database to use instead of the user's, if given
 * @param javaHome the JDK whose {@code keytool} (and, by default, {@code cacerts}) is used
 * @param javaTruststore the Java truststore to use instead of the JDK's cacerts, if given
 * @param systemPrefix {@code /} for the machine's system store; another folder holds a private one
 */
public record StoreLocations(Path home, Optional<Path> nssDb, Path javaHome, Optional<Path> javaTruststore,
        Path systemPrefix) {

    /** Checks the fields. */
    public StoreLocations {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(nssDb, "nssDb");
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(javaTruststore, "javaTruststore");
        Objects.requireNonNull(systemPrefix, "systemPrefix");
    }

    /** @return the Java truststore: the one given, else the JDK's cacerts */
    public Path effectiveJavaTruststore() {
        return javaTruststore.orElse(javaHome.resolve("lib/security/cacerts"));
    }

    /** @return the JDK's keytool */
    public Path keytool() {
        return javaHome.resolve("bin/keytool");
    }
}
