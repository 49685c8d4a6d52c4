package dev.cachet.store.acme;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The events ACME rate limits count (RFC 8555 §6.6), shared by every instance. A limit of n events
 * per window is reached when the n-th newest event is inside the window, and it frees up when that
 * event leaves it; so one question answers both "refused?" and "until when?".
 */
public interface RateLimitStore {

    /** What is counted, and what the subject of such an event is. */
    enum Kind {
        /** A new order; subject: the account id. These are the orders themselves, never recorded here. */
        ORDER,
        /** A new account; subject: the client's IP address. */
        ACCOUNT,
        /** An invalid challenge; subject: the account id, a space, and the identifier ({@code dns:example.org}). */
        FAILED_VALIDATION,
        /** An issued certificate; subject: each registered domain ({@code dns:example.org}) or IP address. */
        CERTIFICATE,
        /** An issued certificate; subject: the SHA-256 of its set of names, to recognise renewals. */
        CERTIFICATE_NAMES
    }

    /**
     * One question: the time of the n-th newest event of a kind and subject after a time.
     *
     * @param kind the kind
     * @param subject the subject
     * @param since only events strictly after this count
     * @param nth 1 for the newest
     */
    record Probe(Kind kind, String subject, Instant since, int nth) {
        /** Checks the fields. */
        public Probe {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(since, "since");
            if (nth < 1) {
                throw new IllegalArgumentException("nth starts at 1");
            }
        }
    }

    /**
     * Answers several questions in one round trip.
     *
     * @param probes the questions
     * @return for each probe, in the same order, the time of its n-th newest event, or empty when
     *     fewer events match
     */
    List<Optional<Instant>> nthNewest(List<Probe> probes);

    /**
     * One counted event.
     *
     * @param kind any kind but {@link Kind#ORDER}
     * @param subject what it counts against
     * @param at when it happened
     */
    record Event(Kind kind, String subject, Instant at) {
        /** Checks the fields. */
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(at, "at");
            if (kind == Kind.ORDER) {
                throw new IllegalArgumentException("orders are counted from the orders themselves");
            }
        }
    }

    /**
     * Records events, in one transaction.
     *
     * @param events the events
     */
    void record(List<Event> events);

    /**
     * Deletes the oldest events of a kind that happened before a time, so that the table keeps only
     * what a limit can still count.
     *
     * @param kind any kind but {@link Kind#ORDER}
     * @param before events at or after this time stay
     * @param limit at most this many are deleted
     * @return how many were deleted
     */
    int purge(Kind kind, Instant before, int limit);
}
