package dev.cachet.validation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.validation.net.Deadline;
import dev.cachet.validation.net.DnsClient;
import dev.cachet.validation.net.Snippet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * dns-01 (RFC 8555 §8.4): a TXT record at {@code _acme-challenge.NAME} must hold
 * base64url(SHA-256(key authorization)). A wildcard is validated on its base name. IP identifiers
 * cannot use dns-01 (RFC 8738 §7); {@link LocalValidationAuthority} refuses them before this runs.
 */
public final class Dns01Validator {
    private static final int SHOWN = 3;
    private static final int SNIPPET = 60;

    private final ValidationSettings settings;
    private final DnsClient dns;

    /**
     * Creates the validator.
     *
     * @param settings the timeout
     * @param dns the DNS client
     */
    public Dns01Validator(ValidationSettings settings, DnsClient dns) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dns = Objects.requireNonNull(dns, "dns");
    }

    /**
     * Looks up the TXT records.
     *
     * @param request the challenge; the identifier is a DNS name, a wildcard allowed
     * @return one record naming the name queried
     * @throws CachetException of type {@code DNS} or {@code INCORRECT_RESPONSE}
     */
    public List<ValidationRecord> validate(ValidationRequest request) {
        String value = request.identifier().value();
        String name = "_acme-challenge." + (value.startsWith("*.") ? value.substring(2) : value);
        String expected = digest(request.keyAuthorization());
        List<String> found = dns.txt(name, Deadline.after(settings.timeout()));
        if (found.isEmpty()) {
            throw new CachetException(ErrorType.INCORRECT_RESPONSE, "no TXT record found at " + name);
        }
        byte[] wanted = expected.getBytes(StandardCharsets.UTF_8);
        for (String text : found) {
            if (MessageDigest.isEqual(text.getBytes(StandardCharsets.UTF_8), wanted)) {
                return List.of(new ValidationRecord(name, 0, null, List.of(), null));
            }
        }
        String shown = found.stream().limit(SHOWN).map(t -> Snippet.quoted(t, SNIPPET))
                .collect(Collectors.joining(", "));
        throw new CachetException(ErrorType.INCORRECT_RESPONSE, "incorrect TXT record" + (found.size() > 1 ? "s " : " ")
                + shown + (found.size() > SHOWN ? " and " + (found.size() - SHOWN) + " more" : "") + " found at "
                + name + ", expected " + Snippet.quoted(expected, SNIPPET));
    }

    /**
     * The TXT value dns-01 expects.
     *
     * @param keyAuthorization the key authorization
     * @return base64url(SHA-256(keyAuthorization)) without padding
     */
    public static String digest(String keyAuthorization) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(keyAuthorization));
    }
}
