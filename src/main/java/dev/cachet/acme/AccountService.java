package dev.cachet.acme;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import dev.cachet.acme.jws.JwsVerification;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.policy.KeyPolicy;
import dev.cachet.store.acme.AccountStatus;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAccountStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Accounts (RFC 8555 §7.3): creation, lookup by key, contact updates, deactivation, key roll-over. */
public final class AccountService {
    private static final int MAX_CONTACTS = 10;
    private final AcmeAccountStore accounts;
    private final ExternalAccountBinding eab;
    private final AcmeSettings settings;
    private final Ids ids;
    private final Clock clock;
    private final RateLimiter rateLimiter;

    /**
     * Creates the service.
     *
     * @param accounts the account store
     * @param eab checks external account bindings
     * @param settings the server policy
     * @param ids makes account ids
     * @param clock the time source
     * @param rateLimiter limits new accounts per client address
     */
    public AccountService(AcmeAccountStore accounts, ExternalAccountBinding eab, AcmeSettings settings, Ids ids,
            Clock clock, RateLimiter rateLimiter) {
        this.accounts = accounts;
        this.eab = eab;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
    }

    /**
     * The newAccount request (§7.3): returns the existing account of the key, or creates one.
     *
     * @param key the key that signed the request
     * @param request the payload
     * @param newAccountUrl the newAccount URL, which the EAB inner JWS must name
     * @param clientAddress the client's IP address, which new accounts are limited by
     * @return the account and whether it was created now
     */
    public NewAccountResult newAccount(JWK key, NewAccountRequest request, String newAccountUrl,
            String clientAddress) {
        String thumbprint = thumbprint(key);
        Optional<AcmeAccount> existing = accounts.findByThumbprint(thumbprint);
        if (existing.isPresent()) {
            return new NewAccountResult(existing.get(), false);
        }
        if (request.onlyReturnExisting()) {
            throw new CachetException(ErrorType.ACCOUNT_DOES_NOT_EXIST, "no account exists for this key");
        }
        rateLimiter.checkNewAccount(clientAddress);
        checkKey(key);
        if (settings.termsOfService() != null && !request.termsOfServiceAgreed()) {
            throw new CachetException(ErrorType.USER_ACTION_REQUIRED,
                    "agree to the terms of service first: " + settings.termsOfService());
        }
        List<String> contact = checkContact(request.contact());
        String eabKeyId = eab.check(request.externalAccountBinding(), key, newAccountUrl);
        AcmeAccount account = new AcmeAccount(ids.id(), thumbprint, key.toJSONString(), AccountStatus.VALID,
                contact, request.termsOfServiceAgreed(), eabKeyId, clock.instant());
        accounts.create(account);
        rateLimiter.accountCreated(clientAddress);
        if (eabKeyId != null) {
            eab.bind(eabKeyId, account.id());
        }
        return new NewAccountResult(account, true);
    }

    /**
     * Updates contacts or deactivates (§7.3.2, §7.3.6).
     *
     * @param account the account
     * @param contact the new contact URLs, or null to keep them
     * @param deactivate whether the request asks for status "deactivated"
     * @return the account as stored now
     */
    public AcmeAccount update(AcmeAccount account, List<String> contact, boolean deactivate) {
        if (contact != null) {
            accounts.updateContact(account.id(), checkContact(contact));
        }
        if (deactivate) {
            accounts.deactivate(account.id());
        }
        return accounts.find(account.id()).orElseThrow();
    }

    /**
     * Rolls an account over to a new key (§7.3.5), after the web layer checked the inner JWS.
     *
     * @param account the account
     * @param newKey the new key
     * @return the account with its new key
     */
    public AcmeAccount changeKey(AcmeAccount account, JWK newKey) {
        checkKey(newKey);
        String thumbprint = thumbprint(newKey);
        if (accounts.findByThumbprint(thumbprint).isPresent()) {
            throw new CachetException(ErrorType.ALREADY_EXISTS, "the new key already belongs to an account");
        }
        if (!accounts.changeKey(account.id(), account.keyThumbprint(), thumbprint, newKey.toPublicJWK()
                .toJSONString())) {
            throw new CachetException(ErrorType.MALFORMED, "the account key changed meanwhile; retry");
        }
        return accounts.find(account.id()).orElseThrow();
    }

    /**
     * The RFC 7638 thumbprint of a key.
     *
     * @param key a public JWK
     * @return base64url SHA-256 thumbprint
     */
    public static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new CachetException(ErrorType.MALFORMED, "cannot compute the JWK thumbprint", e);
        }
    }

    private static void checkKey(JWK key) {
        // Account keys follow the same rules as certificate keys (Boulder's goodkey does the same).
        new KeyPolicy(true).check(SubjectPublicKeyInfo.getInstance(JwsVerification.publicKey(key).getEncoded()));
    }

    private static List<String> checkContact(List<String> contact) {
        if (contact == null) {
            return List.of();
        }
        if (contact.size() > MAX_CONTACTS) {
            throw new CachetException(ErrorType.MALFORMED, "at most " + MAX_CONTACTS + " contacts");
        }
        for (String url : contact) {
            // RFC 8555 §7.3: mailto: URLs; Cachet supports nothing else.
            if (url == null || !url.matches("mailto:[^@\\s,?]+@[A-Za-z0-9.-]+")) {
                throw new CachetException(ErrorType.MALFORMED, "unsupported contact '" + url
                        + "' (use mailto:name@domain)");
            }
        }
        return List.copyOf(contact);
    }
}
