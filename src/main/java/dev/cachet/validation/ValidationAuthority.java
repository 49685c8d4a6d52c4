package dev.cachet.validation;

import dev.cachet.core.CachetException;
import dev.cachet.core.Identifier;
import java.util.List;

/**
 * Checks challenges and CAA. Calls block (network I/O with timeouts); the ACME layer runs them on
 * a bounded worker pool. Failures are {@link CachetException}s whose type is the ACME error type:
 * {@code DNS}, {@code CONNECTION}, {@code INCORRECT_RESPONSE}, {@code TLS}, {@code CAA},
 * {@code REJECTED_IDENTIFIER} (e.g. a private address when those are not allowed), {@code UNAUTHORIZED}.
 */
public interface ValidationAuthority {

    /**
     * Checks one challenge.
     *
     * @param request the challenge
     * @return what was looked at, when the challenge is met
     * @throws CachetException when it is not, with the ACME error type and a one-line detail
     */
    List<ValidationRecord> validate(ValidationRequest request);

    /**
     * Checks that CAA allows Cachet to issue for a name (RFC 8659 §3, tree climbing; RFC 8657
     * {@code accounturi} and {@code validationmethods}).
     *
     * @param identifier the name as it will appear in the certificate ({@code *.example.org} checks
     *     {@code issuewild})
     * @param accountUri the ACME account URL, for {@code accounturi}
     * @param validationMethod the challenge type that validated the name, for {@code validationmethods}
     * @throws CachetException of type {@code CAA} when issuance is forbidden, {@code DNS} when the
     *     lookup fails (RFC 8659 §3: a failed lookup is not permission)
     */
    void checkCaa(Identifier identifier, String accountUri, String validationMethod);
}
