package dev.cachet.store.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The base of every store contract test: each test class runs once per {@link TestBackend}, on H2
 * and on PostgreSQL, with a fresh, migrated database for every test.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestBackend.class)
abstract class StoreContract {
    @Parameter
    TestBackend backend;
    @TempDir
    Path tempDir;
    TestBackend.Target target;
    Database database;

    @BeforeEach
    void openDatabase() {
        target = backend.newDatabase(tempDir);
        database = target.open();
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    DataSource dataSource() {
        return database.dataSource();
    }
}
