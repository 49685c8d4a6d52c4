package dev.cachet.policy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.crypto.Fingerprints;
import dev.cachet.crypto.PublicKeyInfo;
import dev.cachet.store.BlockedKey;
import dev.cachet.store.BlockedKeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The keys Cachet refuses to certify whatever else they are (as Boulder's blocked keys): those a
 * revocation for keyCompromise put in the {@link BlockedKeyStore} (BR 4.9.1.1: a compromised key
 * gets no new certificate), and those listed in a file, one SHA-256 of a DER SubjectPublicKeyInfo
 * in hex a line ({@code #} starts a comment), such as the hashes of known-compromised keys
 * published for Debian's weak OpenSSL keys (BR 6.1.1.3).
 */
public final class BlockedKeys {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Set<String> listed;
    private final Function<String, Optional<BlockedKey>> stored;

    /**
     * Creates the check.
     *
     * @param listed hashes from a file ({@link #readFile})
     * @param store the keys blocked by revocations
     */
    public BlockedKeys(Set<String> listed, BlockedKeyStore store) {
        this(listed, Objects.requireNonNull(store, "store")::find);
    }

    private BlockedKeys(Set<String> listed, Function<String, Optional<BlockedKey>> stored) {
        this.listed = Set.copyOf(listed);
        this.stored = stored;
    }

    /**
     * A check of listed keys only, for the offline CA that has no database.
     *
     * @param listed hashes from a file, or none
     * @return the check
     */
    public static BlockedKeys listedOnly(Set<String> listed) {
        return new BlockedKeys(listed, hash -> Optional.empty());
    }

    /**
     * Refuses a blocked key.
     *
     * @param spki the key to certify
     * @throws CachetException BAD_PUBLIC_KEY when it is blocked
     */
    public void check(SubjectPublicKeyInfo spki) {
        String hash = spkiSha256(spki);
        Optional<String> why = listed.contains(hash) ? Optional.of("listed in the blocked-keys file")
                : stored.apply(hash).map(k -> "blocked since " + k.addedAt() + ": " + k.source());
        if (why.isPresent()) {
            throw new CachetException(ErrorType.BAD_PUBLIC_KEY, "key refused (" + PublicKeyInfo.of(spki).describe()
                    + "): it is on the blocked-keys list (" + why.get() + "); use a new key");
        }
    }

    /**
     * The hash blocked keys are known by.
     *
     * @param spki a public key
     * @return the SHA-256 of its DER SubjectPublicKeyInfo, 64 lower-case hex digits
     */
    public static String spkiSha256(SubjectPublicKeyInfo spki) {
        try {
            return HexFormat.of().formatHex(Fingerprints.sha256Bytes(spki.getEncoded("DER")));
        } catch (IOException e) {
            throw new CachetException(ErrorType.MALFORMED, "cannot encode the public key", e);
        }
    }

    /**
     * Reads a file of blocked key hashes.
     *
     * @param file one hex SHA-256 a line; blank lines and {@code #} comments are skipped
     * @return the hashes, in lower case
     * @throws CachetException MALFORMED naming the line of a bad entry, IO when unreadable
     */
    public static Set<String> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, file + ": cannot read the blocked-keys file ("
                    + e.getMessage() + ")", e);
        }
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String entry = (comment < 0 ? line : line.substring(0, comment)).strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (!HASH.matcher(entry).matches()) {
                throw new CachetException(ErrorType.MALFORMED, file + ":" + (i + 1)
                        + ": not a SHA-256 hash of a public key (64 hex digits)");
            }
            hashes.add(entry);
        }
        return hashes;
    }
}
