package dev.cachet.enrolment.email;

import dev.cachet.store.requests.CertificateRequest;
import java.time.Instant;

/** The plain text of the mails Cachet sends: validation requests and notices to the requester. */
final class MailTexts {
    private MailTexts() {
    }

    static String validationSubject(String domain) {
        return "Certificate request for " + domain + ": please confirm or reject";
    }

    static String validationBody(CertificateRequest request, String domain, String value, String link,
            Instant expires) {
        return "Someone asked Cachet for a certificate that covers names under " + domain + ".\n\n"
                + "Names:           " + String.join(", ", request.names()) + "\n"
                + "Requested by:    " + request.requester() + " (" + request.contact() + ")\n"
                + "Key SHA-256:     " + request.keyFingerprint() + "\n\n"
                + "If you manage " + domain + ", open this link to confirm or reject the request:\n\n"
                + link + "\n\n"
                + "Validation value (single use): " + value + "\n"
                + "It expires at " + expires + ". Opening the link changes nothing until you press a button.\n"
                + "If you did not expect this, press Reject or ignore this mail.\n";
    }

    static String issuedSubject(CertificateRequest request) {
        return "Your certificate for " + request.names().get(0) + " is issued";
    }

    static String issuedBody(CertificateRequest request, String serial, String statusUrl) {
        return "The certificate you requested is issued.\n\n"
                + "Names:   " + String.join(", ", request.names()) + "\n"
                + "Serial:  " + serial + "\n\n"
                + "Download it (with its chain) from:\n" + statusUrl + "\n";
    }

    static String refusedSubject(CertificateRequest request, String outcome) {
        return "Your certificate request for " + request.names().get(0) + " was " + outcome;
    }

    static String refusedBody(CertificateRequest request, String outcome, String reason, String statusUrl) {
        return "Your certificate request was " + outcome + "; no certificate was issued.\n\n"
                + "Names:   " + String.join(", ", request.names()) + "\n"
                + "Reason:  " + reason + "\n\n"
                + "Status: " + statusUrl + "\n";
    }
}
