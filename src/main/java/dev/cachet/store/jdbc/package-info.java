/**
 * The JDBC implementation of the storage ports, for the embedded H2 file database and for
 * PostgreSQL: a HikariCP pool with Flyway migrations ({@link dev.cachet.store.jdbc.Database}) and one
 * store class per port. Every multi-statement write is a transaction; every {@code SQLException}
 * becomes a {@link dev.cachet.core.CachetException} in one place ({@code SqlErrors}). This is the
 * only core package that may use {@code java.sql}, HikariCP and Flyway.
 */
package dev.cachet.store.jdbc;
