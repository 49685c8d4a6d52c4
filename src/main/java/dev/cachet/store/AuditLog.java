package dev.cachet.store;

import java.util.List;

/** The audit trail of issuance, revocation and token use. */
public interface AuditLog {

    /**
     * Appends an event.
     *
     * @param event the event
     */
    void record(AuditEvent event);

    /**
     * Reads the newest events.
     *
     * @param limit how many at most
     * @return the events, newest first
     */
    List<AuditEvent> recent(int limit);
}
