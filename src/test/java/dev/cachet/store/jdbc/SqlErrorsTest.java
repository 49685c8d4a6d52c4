package dev.cachet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.core.ErrorType;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void lostOrRefusedConnectionsAreUnavailable() {
        assertThat(type(new SQLException("refused", "08001"))).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(type(new SQLException("broken", "08006"))).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(type(new SQLException("admin shutdown", "57P01"))).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(type(new SQLTransientConnectionException("pool timed out"))).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(type(new SQLException("wrapped", null, new SQLException("x", "08003"))))
                .isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(SqlErrors.translate(new SQLException("refused", "08001"), "x").getMessage())
                .isEqualTo("database unavailable: refused");
    }

    @Test
    void uniqueViolationsAreAlreadyExistsEvenInsideABatch() {
        assertThat(SqlErrors.translate(new SQLException("dup", "23505"), "certificate serial 0a"))
                .hasMessage("certificate serial 0a already exists")
                .extracting(e -> e.type()).isEqualTo(ErrorType.ALREADY_EXISTS);
        BatchUpdateException batch = new BatchUpdateException("batch failed", "", new int[0]);
        batch.setNextException(new SQLException("dup", "23505"));
        assertThat(type(batch)).isEqualTo(ErrorType.ALREADY_EXISTS);
    }

    @Test
    void everythingElseIsInternal() {
        assertThat(type(new SQLException("no such table", "42P01"))).isEqualTo(ErrorType.INTERNAL);
        assertThat(type(new SQLException("value too long", "22001"))).isEqualTo(ErrorType.INTERNAL);
        assertThat(type(new SQLException("no state"))).isEqualTo(ErrorType.INTERNAL);
    }

    private static ErrorType type(SQLException e) {
        return SqlErrors.translate(e, "x").type();
    }
}
