package dev.cachet.server;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** {@code GET /healthz}: 200 when the database answers, 503 when it does not. */
final class Health {
    private static final int TIMEOUT_SECONDS = 2;
    private final Storage storage;

    Health(Storage storage) {
        this.storage = storage;
    }

    void handle(Context ctx) {
        boolean up;
        try (Connection connection = storage.database().dataSource().getConnection()) {
            up = connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            up = false;
        }
        dev.cachet.server.http.Json.write(ctx, up ? 200 : 503,
                Map.of("status", up ? "ok" : "unavailable", "database", up ? "up" : "down"));
    }
}
