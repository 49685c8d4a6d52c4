package dev.cachet.store.requests;

import java.time.Instant;
import java.util.List;

/**
 * Mails to send, kept in the database until delivered, so that an SMTP outage loses nothing.
 * Several instances may share it: a mail is claimed with a lease before it is sent.
 */
public interface MailOutbox {

    /**
     * Queues a mail, due at once.
     *
     * @param mail the mail
     */
    void enqueue(OutboxMail mail);

    /**
     * Claims due mails whose lease is free.
     *
     * @param owner the claiming instance
     * @param now the time
     * @param leaseUntil until when the claim holds
     * @param limit how many at most
     * @return the claimed mails
     */
    List<OutboxMail> claim(String owner, Instant now, Instant leaseUntil, int limit);

    /**
     * Marks a claimed mail sent and erases its body.
     *
     * @param id the mail
     * @param owner the owner of the claim
     * @param at when
     * @return false when the claim was lost
     */
    boolean markSent(String id, String owner, Instant at);

    /**
     * Releases a claimed mail whose delivery failed, for another try later.
     *
     * @param id the mail
     * @param owner the owner of the claim
     * @param error why it failed, one line
     * @param nextAttemptAt when to try again
     * @return false when the claim was lost
     */
    boolean markFailed(String id, String owner, String error, Instant nextAttemptAt);

    /** @return how many mails wait to be sent */
    int pending();
}
