/**
 * The online CA: configuration, the composition root that wires the core to storage, and the
 * HTTP edge (Javalin on Jetty 12). The only package, with {@code cli}, that knows HTTP and JDBC.
 */
package dev.cachet.server;
