package dev.cachet.enrolment.email;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How e-mail validation behaves.
 *
 * @param publicUrl the external HTTPS URL of Cachet, under which the confirmation links and status URLs lie
 * @param valueLifetime how long a mailed value is accepted (at most 30 days, BR 3.2.2.4.4)
 * @param maxAttempts how many wrong values lock a domain's validation
 * @param domainReuse how long a completed validation is reused without another mail; zero for never
 * @param allowedPrefixes the constructed address prefixes requesters may pick
 */
public record EmailValidationSettings(String publicUrl, Duration valueLifetime, int maxAttempts,
        Duration domainReuse, List<String> allowedPrefixes) {
    /** BR 3.2.2.4.4 lets a random value live at most 30 days. */
    public static final Duration MAX_VALUE_LIFETIME = Duration.ofDays(30);

    /** Checks the fields and copies the prefixes. */
    public EmailValidationSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        if (valueLifetime.isNegative() || valueLifetime.isZero() || valueLifetime.compareTo(MAX_VALUE_LIFETIME) > 0) {
            throw new IllegalArgumentException("valueLifetime must be above zero and at most 30 days");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        allowedPrefixes = ConstructedAddresses.checkPrefixes(allowedPrefixes);
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * The status URL of a request.
     *
     * @param requestId the request
     * @return such as {@code https://ca.example.org/api/v1/requests/ID}
     */
    public String statusUrl(String requestId) {
        return publicUrl + "/api/v1/requests/" + requestId;
    }

    /**
     * The confirmation link of a domain validation; it holds the value, so it is a secret.
     *
     * @param requestId the request
     * @param domain the base domain
     * @param value the random value
     * @return the link
     */
    public String confirmationUrl(String requestId, String domain, String value) {
        return publicUrl + "/validate/" + requestId + "/" + domain + "?value=" + value;
    }
}
