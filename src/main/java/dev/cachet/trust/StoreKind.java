package dev.cachet.trust;

import java.util.Locale;

/** The kinds of trust store Cachet can install a root into. */
public enum StoreKind {
    /** The Debian/Ubuntu system store, read by OpenSSL, GnuTLS, curl, Python, Go... */
    SYSTEM,
    /** An NSS database, read by Chromium and Firefox on Linux. */
    NSS,
    /** A Java truststore, read by the JDK's TLS. */
    JAVA;

    /** @return the lower-case name used in messages and on the command line */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
