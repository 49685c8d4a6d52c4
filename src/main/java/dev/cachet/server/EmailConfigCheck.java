package dev.cachet.server;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.enrolment.email.ConstructedAddresses;
import dev.cachet.mail.StartTls;
import dev.cachet.policy.Identifiers;

/** Checks the {@code smtp.*} and {@code enrolment.*} keys. */
final class EmailConfigCheck {
    /** BR 3.2.2.4.4: a Random Value is valid for at most 30 days. */
    private static final int MAX_VALUE_HOURS = 720;
    /** BR 4.2.1: domain validation data may be reused for at most 200 days (from 2026-03-15). */
    private static final int MAX_REUSE_DAYS = 200;

    private EmailConfigCheck() {
    }

    static void check(CachetConfig config, ConfigOrigins origins) {
        SmtpConfig smtp = config.smtp();
        if (smtp.server() != null) {
            HostPort.parse(smtp.server(), origins.of("smtp.server") + ": smtp.server");
        }
        if (smtp.starttls() == null || StartTls.parse(smtp.starttls()).isEmpty()) {
            throw ConfigValidator.invalid(origins, "smtp.starttls", "must be required, optional or off (is '"
                    + smtp.starttls() + "')");
        }
        if (smtp.from() != null) {
            try {
                Identifiers.email(smtp.from());
            } catch (CachetException e) {
                throw ConfigValidator.invalid(origins, "smtp.from", "must be an e-mail address (is '" + smtp.from()
                        + "')");
            }
        }
        ConfigValidator.range(origins, "smtp.timeoutSeconds", smtp.timeoutSeconds(), 1, 300);
        ConfigValidator.range(origins, "smtp.retrySeconds", smtp.retrySeconds(), 1, 3600);
        EnrolmentConfig enrolment = config.enrolment();
        ConfigValidator.range(origins, "enrolment.valueLifetimeHours", enrolment.valueLifetimeHours(), 1,
                MAX_VALUE_HOURS);
        ConfigValidator.range(origins, "enrolment.maxAttempts", enrolment.maxAttempts(), 1, 100);
        ConfigValidator.range(origins, "enrolment.domainReuseDays", enrolment.domainReuseDays(), 0, MAX_REUSE_DAYS);
        for (String prefix : enrolment.allowedPrefixes()) {
            if (!ConstructedAddresses.PREFIXES.contains(prefix)) {
                throw new CachetException(ErrorType.MALFORMED, origins.of("enrolment.allowedPrefixes")
                        + ": enrolment.allowedPrefixes: '" + prefix + "' is not one of "
                        + String.join(", ", ConstructedAddresses.PREFIXES) + " (BR 3.2.2.4.4)");
            }
        }
    }
}
