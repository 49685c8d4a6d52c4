package dev.cachet.cli;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.server.Storage;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.jdbc.JdbcEabKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cachet acme eab revoke KID}: withdraws an external account binding key, so that it binds
 * no new account; an account it already created keeps working.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke an external account binding key: it can no longer create an account.")
final class AcmeEabRevokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "KID", description = "The key id, as `cachet acme eab list` shows it.")
    String keyId;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        try (Storage storage = Storage.open(server.load(Map.of()), clock)) {
            Instant now = clock.instant();
            if (!new JdbcEabKeyStore(storage.database().dataSource()).revoke(keyId, now)) {
                throw new CachetException(ErrorType.NOT_FOUND, "no external account binding key '" + keyId
                        + "', or it is revoked already (cachet acme eab list)");
            }
            storage.audit().record(new AuditEvent(now, "cli", "eab.revoked", keyId, Map.of()));
        }
        spec.commandLine().getOut().printf("Revoked external account binding key '%s'%n", keyId);
        return ExitCodes.OK;
    }
}
