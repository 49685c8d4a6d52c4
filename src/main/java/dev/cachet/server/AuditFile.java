package dev.cachet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import dev.cachet.store.UnitOfWork;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The audit trail as JSON lines beside the database's: each event is first recorded by the
 * store, then, once the store's transaction commits, appended to the file as one object
 * ({@code at}, {@code actor}, {@code action}, {@code subject}, {@code details}) on one line. The
 * file is created with mode 0600 and opened in append mode for each event, so that several
 * processes of one data folder may share it and a rotated file is followed; every line reaches the
 * operating system before {@link #record} (or the unit of work around it) returns. Events hold no
 * key material, and a failed append fails the operation that logged it.
 */
public final class AuditFile implements AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<StandardOpenOption> APPEND =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);

    private final Path file;
    private final AuditLog store;
    private final UnitOfWork units;
    /** Mode 0600 where the file system has POSIX permissions: the attributes a new file is created with. */
    private final FileAttribute<?>[] ownerOnly;

    /**
     * Decorates a store.
     *
     * @param file the JSON lines file, such as {@code <data>/audit.jsonl}
     * @param store the audit log that keeps the events and answers {@link #recent}
     * @param units the transactions of the store: an event recorded within one is appended once it commits
     */
    public AuditFile(Path file, AuditLog store, UnitOfWork units) {
        this.file = Objects.requireNonNull(file, "file");
        this.store = Objects.requireNonNull(store, "store");
        this.units = Objects.requireNonNull(units, "units");
        this.ownerOnly = ownerOnly(file);
    }

    @Override
    public void record(AuditEvent event) {
        store.record(event);
        byte[] line = line(event);
        units.afterCommit(() -> {
            synchronized (this) {
                append(line);
            }
        });
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        return store.recent(limit);
    }

    /**
     * Renders an event as one line of JSON; line breaks inside values are escaped.
     *
     * @param event the event
     * @return the UTF-8 bytes of the line, with its newline
     */
    static byte[] line(AuditEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", event.at().toString());
        node.put("actor", event.actor());
        node.put("action", event.action());
        node.put("subject", event.subject());
        ObjectNode details = node.putObject("details");
        new TreeMap<>(event.details()).forEach(details::put);
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new CachetException(ErrorType.INTERNAL, "cannot write audit event " + event.action(), e);
        }
    }

    private void append(byte[] line) {
        try (FileChannel channel = open()) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            // One write for the whole line: O_APPEND keeps lines of concurrent processes apart.
            for (int attempt = 0; buffer.hasRemaining() && attempt < line.length; attempt++) {
                channel.write(buffer);
            }
            if (buffer.hasRemaining()) {
                throw new IOException("short write");
            }
        } catch (IOException e) {
            throw new CachetException(ErrorType.IO, file + ": cannot append the audit event (" + e.getMessage()
                    + ")", e);
        }
    }

    /**
     * Opens the file for appending; creates its folder only when missing, as checking it first on
     * every event cost two exceptions (Files.createDirectories on an existing folder) per event.
     */
    private FileChannel open() throws IOException {
        try {
            return FileChannel.open(file, APPEND, ownerOnly);
        } catch (NoSuchFileException e) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent == null) {
                throw e;
            }
            Files.createDirectories(parent);
            return FileChannel.open(file, APPEND, ownerOnly);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rw-------"))};
    }
}
