package dev.cachet.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Tells whether this process may write a file or folder, so a store can say it needs root rights. */
final class Writable {

    private Writable() {
    }

    /**
     * Checks that a path can be written, or created in the nearest folder that exists.
     *
     * @param path a file or folder
     * @return what is needed when it cannot, such as {@code root rights (sudo) to write /etc/ssl/certs}
     */
    static Optional<String> check(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isWritable(existing)) {
            return Optional.empty();
        }
        return Optional.of("root rights (run with sudo) to write " + path);
    }
}
