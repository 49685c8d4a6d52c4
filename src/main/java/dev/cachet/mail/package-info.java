/**
 * Delivers the mail outbox ({@link dev.cachet.store.requests.MailOutbox}) over SMTP with Jakarta
 * Mail: claims due mails with a lease, sends them, and retries failures with exponential backoff.
 */
package dev.cachet.mail;
