package dev.cachet.server;

import java.util.List;

/**
 * Certificate requests validated by e-mail ({@code enrolment.*}).
 *
 * @param valueLifetimeHours how long a mailed value is accepted (at most 720, BR 3.2.2.4.4)
 * @param maxAttempts how many wrong values lock a domain's validation
 * @param domainReuseDays how long a validated base domain is reused without another mail (0: never)
 * @param allowedPrefixes the constructed address prefixes requesters may pick (BR 3.2.2.4.4)
 */
public record EnrolmentConfig(int valueLifetimeHours, int maxAttempts, int domainReuseDays,
        List<String> allowedPrefixes) {

    /** Copies the prefixes. */
    public EnrolmentConfig {
        allowedPrefixes = allowedPrefixes == null ? List.of() : List.copyOf(allowedPrefixes);
    }
}
