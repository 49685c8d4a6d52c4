package dev.cachet.server;

import dev.cachet.store.AuditEvent;
import dev.cachet.store.AuditLog;
import java.util.List;

/** Counts revocations by reason as they are audited, so that every revoke path is measured once. */
final class AuditMetrics implements AuditLog {
    private final AuditLog delegate;
    private final Metrics metrics;

    AuditMetrics(AuditLog delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void record(AuditEvent event) {
        delegate.record(event);
        if ("certificate.revoked".equals(event.action())) {
            metrics.revoked(event.details().getOrDefault("reason", "unspecified"));
        }
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        return delegate.recent(limit);
    }
}
