package dev.cachet.acme.jws;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import dev.cachet.acme.AcmeLinks;
import dev.cachet.acme.NonceService;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AccountStatus;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAccountStore;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Checks an ACME request in Boulder's order: flattened JWS, algorithm, key reference, url,
 * account, signature, then the nonce (RFC 8555 §6.2 to §6.5).
 */
public final class JwsAuthenticator {
    /** Account keys kept parsed: a few MB at most. */
    private static final int ACCOUNT_KEYS = 10_000;

    private final AcmeLinks links;
    private final NonceService nonces;
    private final AcmeAccountStore accounts;
    private final AccountKeyCache accountKeys = new AccountKeyCache(ACCOUNT_KEYS);

    /**
     * Creates the authenticator.
     *
     * @param links the server's URLs
     * @param nonces redeems nonces
     * @param accounts finds the accounts of {@code kid} requests
     */
    public JwsAuthenticator(AcmeLinks links, NonceService nonces, AcmeAccountStore accounts) {
        this.links = links;
        this.nonces = nonces;
        this.accounts = accounts;
    }

    /**
     * Authenticates a request.
     *
     * @param body the request body
     * @param requestUrl the URL the request was sent to, as the server advertises it
     * @param mode which key reference the resource requires
     * @return the checked request
     */
    public VerifiedRequest authenticate(byte[] body, String requestUrl, KeyMode mode) {
        JWSObject jws = FlattenedJws.parse(body);
        JWSHeader header = jws.getHeader();
        if (header.getAlgorithm() == null || !JwsVerification.ALGORITHMS.contains(header.getAlgorithm())) {
            throw new CachetException(ErrorType.BAD_SIGNATURE_ALGORITHM, "JWS algorithm "
                    + header.getAlgorithm() + " is not accepted (RS256, ES256, ES384, EdDSA)");
        }
        Object url = header.getCustomParam("url");
        if (!(url instanceof String)) {
            throw new CachetException(ErrorType.MALFORMED, "the JWS protected header has no 'url'");
        }
        if (!requestUrl.equals(url)) {
            throw new CachetException(ErrorType.UNAUTHORIZED, "the JWS 'url' " + url + " is not the request URL "
                    + requestUrl);
        }
        Optional<AcmeAccount> account = Optional.empty();
        JWK key;
        PublicKey publicKey;
        if (header.getJWK() != null && header.getKeyID() == null && mode != KeyMode.KID) {
            key = header.getJWK();
            if (key.isPrivate()) {
                throw new CachetException(ErrorType.MALFORMED, "the JWS 'jwk' holds a private key");
            }
            publicKey = JwsVerification.publicKey(key);
        } else if (header.getKeyID() != null && header.getJWK() == null && mode != KeyMode.JWK) {
            AcmeAccount found = account(header.getKeyID());
            account = Optional.of(found);
            AccountKeyCache.AccountKey stored = accountKeys.key(found.jwk());
            key = stored.jwk();
            publicKey = stored.publicKey();
        } else {
            throw new CachetException(ErrorType.MALFORMED, mode == KeyMode.JWK
                    ? "this request must carry a 'jwk' and no 'kid'" : mode == KeyMode.KID
                    ? "this request must carry a 'kid' and no 'jwk'" : "the JWS needs exactly one of 'jwk' and 'kid'");
        }
        if (!JwsVerification.verify(jws, key, publicKey)) {
            throw new CachetException(ErrorType.MALFORMED, "the JWS signature does not verify");
        }
        Object nonce = header.getCustomParam("nonce");
        nonces.redeem(nonce instanceof String ? (String) nonce : null);
        return new VerifiedRequest(key, account, jws.getPayload().toBytes());
    }

    private AcmeAccount account(String kid) {
        String id = links.accountId(kid).orElseThrow(() -> new CachetException(ErrorType.ACCOUNT_DOES_NOT_EXIST,
                "the kid " + kid + " is not an account URL of this server"));
        AcmeAccount account = accounts.find(id).orElseThrow(() -> new CachetException(
                ErrorType.ACCOUNT_DOES_NOT_EXIST, "no account " + kid));
        if (account.status() != AccountStatus.VALID) {
            throw new CachetException(ErrorType.UNAUTHORIZED, "the account is " + account.status().name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        return account;
    }
}
