package dev.cachet.enrolment;

import dev.cachet.store.ApiToken;

/**
 * A token just created, with its secret: the only time the secret is known to Cachet.
 *
 * @param token the stored token
 * @param secret the bearer secret to hand to its user once
 */
public record CreatedToken(ApiToken token, String secret) {

    /** @return the token without its secret, so that logging the record cannot leak it */
    @Override
    public String toString() {
        return "CreatedToken[" + token.name() + "]";
    }
}
