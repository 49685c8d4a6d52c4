package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads passphrases from files, the way {@code openssl -passin file:} does: the first line,
 * without its line ending. Passphrases never come from command-line flags, where other users
 * could read them in the process list.
 */
public final class Passphrases {
    /** Shorter passphrases are refused when encrypting: they protect nothing. */
    public static final int MIN_LENGTH = 8;

    private Passphrases() {
    }

    /**
     * Reads a passphrase file.
     *
     * @param path the file
     * @return the first line as characters
     */
    public static char[] read(Path path) {
        byte[] bytes = PemDocument.readBytes(path);
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
        char[] passphrase = Arrays.copyOf(chars.array(), chars.limit());
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(chars.array(), '\0');
        if (passphrase.length == 0) {
            throw new CachetException(ErrorType.BAD_PASSPHRASE, path + ": the passphrase file is empty");
        }
        return passphrase;
    }

    /**
     * Reads a passphrase for encrypting a new key, which must be long enough to mean something.
     *
     * @param path the file
     * @return the passphrase
     */
    public static char[] readNew(Path path) {
        return requireLongEnough(read(path), path.toString());
    }

    /**
     * Reads a secret from an environment variable, for hosts where secrets arrive that way
     * (systemd credentials, container secrets). Unlike a flag, it is not in the process list.
     *
     * @param variable the variable's name
     * @param environment the process environment
     * @return the value without a trailing line ending, or null when the variable is not set
     */
    public static char[] fromEnvironment(String variable, Map<String, String> environment) {
        String value = environment.get(variable);
        if (value == null) {
            return null;
        }
        String line = value.lines().findFirst().orElse("");
        if (line.isEmpty()) {
            throw new CachetException(ErrorType.BAD_PASSPHRASE, "environment variable " + variable + " is empty");
        }
        return line.toCharArray();
    }

    /**
     * Refuses a passphrase too short to protect a new key.
     *
     * @param passphrase the passphrase, or null for none
     * @param source where it came from, for the message
     * @return the passphrase
     */
    public static char[] requireLongEnough(char[] passphrase, String source) {
        if (passphrase != null && passphrase.length < MIN_LENGTH) {
            Arrays.fill(passphrase, '\0');
            throw new CachetException(ErrorType.BAD_PASSPHRASE,
                    source + ": passphrase too short (at least " + MIN_LENGTH + " characters)");
        }
        return passphrase;
    }
}
