/**
 * Classic CA enrolment without HTTP: certificate requests whose base domains are validated by a
 * random value mailed to a constructed address (CA/Browser Forum BR 3.2.2.4.4) or approved by an
 * operator, then issued through {@link dev.cachet.ca.LeafIssuer}. Mails go through the database's
 * outbox ({@link dev.cachet.store.requests.MailOutbox}); {@code dev.cachet.mail} delivers them.
 */
package dev.cachet.enrolment.email;
