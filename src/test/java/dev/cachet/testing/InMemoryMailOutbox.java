package dev.cachet.testing;

import dev.cachet.store.requests.MailOutbox;
import dev.cachet.store.requests.OutboxMail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link MailOutbox} in memory, for tests: synchronized, with the leases of the database's. */
public final class InMemoryMailOutbox implements MailOutbox {
    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** One mail and its delivery state. */
    private static final class Row {
        OutboxMail mail;
        boolean sent;
        Instant due;
        String owner;
        Instant leaseUntil;
        String lastError;
    }

    @Override
    public synchronized void enqueue(OutboxMail mail) {
        Row row = new Row();
        row.mail = mail;
        row.due = mail.createdAt();
        rows.put(mail.id(), row);
    }

    @Override
    public synchronized List<OutboxMail> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        List<OutboxMail> claimed = new ArrayList<>();
        rows.values().stream().filter(r -> !r.sent && !r.due.isAfter(now)
                && (r.leaseUntil == null || r.leaseUntil.isBefore(now)))
                .sorted(Comparator.comparing(r -> r.due)).limit(limit).forEach(r -> {
                    r.owner = owner;
                    r.leaseUntil = leaseUntil;
                    claimed.add(r.mail);
                });
        return claimed;
    }

    @Override
    public synchronized boolean markSent(String id, String owner, Instant at) {
        Row row = rows.get(id);
        if (row == null || row.sent || !owner.equals(row.owner)) {
            return false;
        }
        row.sent = true;
        row.mail = new OutboxMail(id, row.mail.recipient(), row.mail.subject(), "", row.mail.attempts(),
                row.mail.createdAt());
        row.owner = null;
        row.leaseUntil = null;
        return true;
    }

    @Override
    public synchronized boolean markFailed(String id, String owner, String error, Instant nextAttemptAt) {
        Row row = rows.get(id);
        if (row == null || row.sent || !owner.equals(row.owner)) {
            return false;
        }
        row.mail = new OutboxMail(id, row.mail.recipient(), row.mail.subject(), row.mail.body(),
                row.mail.attempts() + 1, row.mail.createdAt());
        row.due = nextAttemptAt;
        row.lastError = error;
        row.owner = null;
        row.leaseUntil = null;
        return true;
    }

    @Override
    public synchronized int pending() {
        return (int) rows.values().stream().filter(r -> !r.sent).count();
    }

    /** @return every mail not sent yet, in queue order, with its body */
    public synchronized List<OutboxMail> unsent() {
        return rows.values().stream().filter(r -> !r.sent).map(r -> r.mail).toList();
    }

    /**
     * The last delivery error of a mail.
     *
     * @param id the mail
     * @return the error, or null
     */
    public synchronized String lastError(String id) {
        return rows.get(id).lastError;
    }
}
