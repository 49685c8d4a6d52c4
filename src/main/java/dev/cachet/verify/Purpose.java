package dev.cachet.verify;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the certificate is to be used for; each purpose checks the leaf's key usages. */
public enum Purpose {
    /** A TLS server: extended key usage serverAuth (RFC 5280 §4.2.1.12). */
    TLS_SERVER("tls-server", "1.3.6.1.5.5.7.3.1", "serverAuth"),
    /** A TLS client: extended key usage clientAuth. */
    TLS_CLIENT("tls-client", "1.3.6.1.5.5.7.3.2", "clientAuth"),
    /** Any use: no key usage is checked. */
    ANY("any", null, null);

    private final String id;
    private final String keyPurposeOid;
    private final String keyPurposeName;

    Purpose(String id, String keyPurposeOid, String keyPurposeName) {
        this.id = id;
        this.keyPurposeOid = keyPurposeOid;
        this.keyPurposeName = keyPurposeName;
    }

    /** @return the command-line name, such as {@code tls-server} */
    public String id() {
        return id;
    }

    /** @return the OID of the extended key usage this purpose needs, empty for {@link #ANY} */
    public Optional<String> keyPurposeOid() {
        return Optional.ofNullable(keyPurposeOid);
    }

    /** @return the name of that extended key usage, such as {@code serverAuth} */
    public Optional<String> keyPurposeName() {
        return Optional.ofNullable(keyPurposeName);
    }

    /**
     * Finds a purpose by its command-line name.
     *
     * @param id such as {@code tls-client}
     * @return the purpose, or empty for an unknown name
     */
    public static Optional<Purpose> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** @return the command-line names of all purposes, comma separated */
    public static String ids() {
        return Arrays.stream(values()).map(Purpose::id).collect(Collectors.joining(", "));
    }

    /**
     * The purpose when none is given: a host name means a TLS server is being checked.
     *
     * @param hostGiven whether a host name or IP address is to be matched
     * @return {@link #TLS_SERVER} with a host, else {@link #ANY}
     */
    public static Purpose defaultFor(boolean hostGiven) {
        return hostGiven ? TLS_SERVER : ANY;
    }

    @Override
    public String toString() {
        return id;
    }
}
