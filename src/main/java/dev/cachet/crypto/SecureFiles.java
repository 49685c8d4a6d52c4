package dev.cachet.crypto;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes output files all-or-nothing: each is written to a temporary file beside its target,
 * flushed to disk, then moved into place; an existing file is never overwritten; if anything
 * fails, nothing is left behind. Files marked secret are created with mode 0600 before any
 * byte is written to them.
 */
public final class SecureFiles {
    private static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    /**
     * A file to write.
     *
     * @param path where it goes
     * @param content its bytes
     * @param secret true for private keys: mode 0600
     */
    public record Output(Path path, byte[] content, boolean secret) {
    }

    private SecureFiles() {
    }

    /**
     * Writes one file.
     *
     * @param output the file to write
     */
    public static void write(Output output) {
        writeAll(List.of(output));
    }

    /**
     * Writes several files so that either all of them or none of them exist afterwards.
     *
     * @param outputs the files to write
     */
    public static void writeAll(List<Output> outputs) {
        refuseDuplicates(outputs);
        outputs.forEach(o -> refuseExisting(o.path()));
        List<Path> temporaries = new ArrayList<>();
        List<Path> placed = new ArrayList<>();
        try {
            for (Output output : outputs) {
                temporaries.add(writeTemporary(output));
            }
            for (int i = 0; i < outputs.size(); i++) {
                Files.move(temporaries.get(i), outputs.get(i).path());
                placed.add(outputs.get(i).path());
            }
        } catch (FileAlreadyExistsException e) {
            cleanUp(temporaries, placed);
            throw new CachetException(ErrorType.ALREADY_EXISTS, e.getFile() + ": already exists; not overwritten", e);
        } catch (IOException e) {
            cleanUp(temporaries, placed);
            throw new CachetException(ErrorType.IO, "cannot write " + describe(e), e);
        }
    }

    /**
     * Fails when a path exists already, so that commands can check all their outputs before work.
     *
     * @param path an output path
     */
    public static void refuseExisting(Path path) {
        if (Files.exists(path)) {
            throw new CachetException(ErrorType.ALREADY_EXISTS,
                    path + ": already exists; not overwritten (remove it or choose another path)");
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CachetException(ErrorType.NOT_FOUND, path + ": directory " + parent + " does not exist");
        }
    }

    private static void refuseDuplicates(List<Output> outputs) {
        Set<Path> targets = new HashSet<>();
        for (Output output : outputs) {
            if (!targets.add(output.path().toAbsolutePath().normalize())) {
                throw new CachetException(ErrorType.MALFORMED,
                        output.path() + ": given for two outputs; choose a different file for each");
            }
        }
    }

    private static Path writeTemporary(Output output) throws IOException {
        Path target = output.path().toAbsolutePath();
        Path temporary = createTemporary(target);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(output.content());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (!output.secret() && isPosix(target)) {
            Files.setPosixFilePermissions(temporary, PUBLIC);
        }
        return temporary;
    }

    private static Path createTemporary(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        if (isPosix(target)) {
            return Files.createTempFile(target.getParent(), prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(SECRET));
        }
        return Files.createTempFile(target.getParent(), prefix, ".tmp");
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void cleanUp(List<Path> temporaries, List<Path> placed) {
        for (Path path : temporaries) {
            deleteQuietly(path);
        }
        for (Path path : placed) {
            deleteQuietly(path);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: the original error is the one to report.
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
