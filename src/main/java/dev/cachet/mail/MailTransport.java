package dev.cachet.mail;

import dev.cachet.store.requests.OutboxMail;

/** Hands one mail to a mail server. */
public interface MailTransport {

    /**
     * Sends a mail.
     *
     * @param mail the mail
     * @throws MailDeliveryException when the server cannot be reached or refuses it; it is tried again later
     */
    void send(OutboxMail mail) throws MailDeliveryException;
}
