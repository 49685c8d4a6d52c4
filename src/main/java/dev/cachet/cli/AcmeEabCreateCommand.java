package dev.cachet.cli;

import dev.cachet.core.OptionSafeRandom;
import dev.cachet.server.Storage;
import dev.cachet.store.acme.EabKey;
import dev.cachet.store.jdbc.JdbcEabKeyStore;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cachet acme eab create}: a new single-use external account binding key; its key id and
 * HMAC key (base64url) are printed once, on the last two lines.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create an external account binding key. Its HMAC key is printed once.",
        footer = {"", "Example:", "  cachet acme eab create --data /var/lib/cachet --name web-01",
            "  certbot ... --eab-kid KID --eab-hmac-key HMAC_KEY"})
final class AcmeEabCreateCommand implements Callable<Integer> {
    private static final int KEY_ID_BYTES = 16;
    private static final int HMAC_KEY_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ServerOptions server;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A label for people.")
    String name;

    @Override
    public Integer call() {
        SecureRandom random = new SecureRandom();
        byte[] hmacKey = OptionSafeRandom.bytes(random, HMAC_KEY_BYTES);
        Clock clock = Clock.systemUTC();
        String kid = OptionSafeRandom.base64Url(random, KEY_ID_BYTES);
        try (Storage storage = Storage.open(server.load(Map.of()), clock)) {
            new JdbcEabKeyStore(storage.database().dataSource())
                    .create(new EabKey(kid, hmacKey, name, clock.instant(), null));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Created external account binding key '%s' (single use). Its HMAC key, shown only now:%n", name);
        out.println("kid: " + kid);
        out.println("hmac-key: " + BASE64URL.encodeToString(hmacKey));
        return ExitCodes.OK;
    }
}
