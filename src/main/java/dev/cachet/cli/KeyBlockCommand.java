package dev.cachet.cli;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.PemDocument;
import dev.cachet.policy.BlockedKeys;
import dev.cachet.server.Storage;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.BlockedKey;
import dev.cachet.store.jdbc.JdbcBlockedKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cachet key block}: a key the server never certifies again, kept in its database. */
@Command(name = "block", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Block a public key: the CA never certifies it again (as after a keyCompromise revocation).",
        footer = {"", "Example:", "  cachet key block --cert leaked.pem --reason 'key published on a paste site'"})
final class KeyBlockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Mixin
    ServerOptions server;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit log.")
    String reason = "blocked by an operator";

    /** Where the key comes from: exactly one of these. */
    static final class Source {
        @Option(names = "--cert", paramLabel = "FILE", description = "A certificate (PEM) of the key.")
        Path certificate;

        @Option(names = "--csr", paramLabel = "FILE", description = "A CSR (PEM) of the key.")
        Path csr;

        @Option(names = "--public-key", paramLabel = "FILE", description = "The public key (PEM).")
        Path publicKey;

        @Option(names = "--spki-sha256", paramLabel = "HEX",
                description = "The SHA-256 of the key's DER SubjectPublicKeyInfo, in hex.")
        String hash;
    }

    @Override
    public Integer call() {
        String hash = hash();
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try (Storage storage = Storage.open(server.load(Map.of()), clock)) {
            boolean added = new JdbcBlockedKeyStore(storage.database().dataSource())
                    .add(new BlockedKey(hash, reason + " (cachet key block)", now));
            if (added) {
                storage.audit().record(new AuditEvent(now, "cli", "key.blocked", hash, Map.of("reason", reason)));
            }
            spec.commandLine().getOut().printf("%s key %s%n", added ? "Blocked" : "Already blocked:", hash);
        }
        return ExitCodes.OK;
    }

    private String hash() {
        if (source.hash != null) {
            String hex = source.hash.replace(":", "").toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new CachetException(ErrorType.MALFORMED, "--spki-sha256: not a SHA-256 hash (64 hex digits)");
            }
            return hex;
        }
        if (source.certificate != null) {
            return BlockedKeys.spkiSha256(PemDocument.read(source.certificate).certificate().getSubjectPublicKeyInfo());
        }
        if (source.csr != null) {
            return BlockedKeys.spkiSha256(PemDocument.read(source.csr).csr().getSubjectPublicKeyInfo());
        }
        PemDocument document = PemDocument.read(source.publicKey);
        return BlockedKeys.spkiSha256(document.objects().stream().filter(SubjectPublicKeyInfo.class::isInstance)
                .map(SubjectPublicKeyInfo.class::cast).findFirst().orElseThrow(() -> new CachetException(
                        ErrorType.MALFORMED, document.source() + ": no public key found (expected -----BEGIN PUBLIC"
                                + " KEY-----, found " + document.kinds() + ")")));
    }
}
