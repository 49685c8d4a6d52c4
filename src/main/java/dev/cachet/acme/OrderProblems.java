package dev.cachet.acme;

import dev.cachet.core.CachetException;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AcmeProblem;
import java.util.List;
import java.util.Locale;

/** The problems stored with failed orders and challenges (RFC 8555 §6.7). */
public final class OrderProblems {

    private OrderProblems() {
    }

    static AcmeProblem expired() {
        return new AcmeProblem("malformed", "the order expired", null, List.of());
    }

    static AcmeProblem authorizationFailed(AcmeAuthorization authorization) {
        AcmeProblem cause = authorization.challenges().stream().map(AcmeChallenge::error)
                .filter(e -> e != null).findFirst()
                .orElse(new AcmeProblem("unauthorized", "authorization " + authorization.status().name()
                        .toLowerCase(Locale.ROOT), authorization.identifier(), List.of()));
        AcmeProblem sub = new AcmeProblem(cause.type(), cause.detail(), authorization.identifier(), List.of());
        return new AcmeProblem(cause.type(), "authorization for " + authorization.identifier().value()
                + " failed: " + cause.detail(), null, List.of(sub));
    }

    /**
     * The ACME problem of an error.
     *
     * @param e the error
     * @return the problem, its type the ACME error name such as {@code incorrectResponse}
     */
    public static AcmeProblem of(CachetException e) {
        return new AcmeProblem(AcmeErrors.typeName(e.type()), e.getMessage(), null, List.of());
    }
}
