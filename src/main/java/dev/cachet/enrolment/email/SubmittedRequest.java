package dev.cachet.enrolment.email;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.util.Map;

/**
 * A certificate request as the requester sends it.
 *
 * @param csrPem the CSR in PEM
 * @param profile the profile, or null for the default
 * @param contact the requester's e-mail address, for the notice
 * @param prefixes the constructed address prefix per base domain (or per name under it); others use admin@
 * @param requester who asks: {@code anonymous} or {@code token:NAME}
 */
public record SubmittedRequest(String csrPem, String profile, String contact, Map<String, String> prefixes,
        String requester) {

    /** Copies the prefixes. */
    public SubmittedRequest {
        if (prefixes != null && prefixes.entrySet().stream().anyMatch(e -> e.getKey() == null
                || e.getValue() == null)) {
            throw new CachetException(ErrorType.MALFORMED, "prefixes: every domain needs a prefix such as"
                    + " \"hostmaster\"");
        }
        prefixes = prefixes == null ? Map.of() : Map.copyOf(prefixes);
        requester = requester == null ? "anonymous" : requester;
    }
}
