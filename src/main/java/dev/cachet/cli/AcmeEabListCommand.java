package dev.cachet.cli;

import dev.cachet.server.Storage;
import dev.cachet.store.acme.EabKey;
import dev.cachet.store.jdbc.JdbcEabKeyStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cachet acme eab list}: the external account binding keys, one a line, with their name,
 * creation time, the account that used them and their state; never their HMAC keys.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List external account binding keys (never their HMAC keys).")
final class AcmeEabListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() {
        List<EabKey> keys;
        try (Storage storage = Storage.open(server.load(Map.of()), Clock.systemUTC())) {
            keys = new JdbcEabKeyStore(storage.database().dataSource()).list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (keys.isEmpty()) {
            out.println("No external account binding keys (cachet acme eab create makes one).");
        }
        for (EabKey key : keys) {
            out.printf("%s %-8s name=%s created=%s used-by=%s%n", key.keyId(), state(key),
                    key.name() == null ? "-" : key.name(), key.createdAt(),
                    key.boundAccountId() == null ? "-" : key.boundAccountId());
        }
        return ExitCodes.OK;
    }

    private static String state(EabKey key) {
        if (key.revoked()) {
            return "revoked";
        }
        return key.boundAccountId() == null ? "unused" : "used";
    }
}
