package dev.cachet.trust;

import java.util.Optional;

/** One place clients read trusted roots from. Implementations run the store's own tool. */
public interface TrustStore {

    /** @return the kind of store */
    StoreKind kind();

    /** @return where it is, for messages: a folder or a file */
    String location();

    /**
     * Says what is missing to read this store, such as its tool.
     *
     * @return what is needed, or empty when the store can be read
     */
    Optional<String> unreadable();

    /**
     * Says what is missing to change this store, such as its tool or root rights.
     *
     * @return what is needed, or empty when the store can be changed
     */
    Optional<String> unchangeable();

    /**
     * Tells whether a root is trusted by this store.
     *
     * @param root the root
     * @return true when installed
     */
    boolean contains(RootCertificate root);

    /**
     * Adds a root as a trusted CA for TLS servers.
     *
     * @param root the root
     */
    void add(RootCertificate root);

    /**
     * Removes a root.
     *
     * @param root the root
     * @return true when it was there
     */
    boolean remove(RootCertificate root);
}
