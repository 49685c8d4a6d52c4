package dev.cachet.acme;

import com.nimbusds.jose.jwk.JWK;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.store.acme.AcmeAccount;
import dev.cachet.store.acme.AcmeAuthorization;
import dev.cachet.store.acme.AcmeChallenge;
import dev.cachet.store.acme.AuthorizationStatus;
import dev.cachet.store.acme.AcmeOrderStore;
import dev.cachet.store.acme.ChallengeOutcome;
import dev.cachet.store.acme.ChallengeStatus;
import dev.cachet.validation.ValidationAuthority;
import dev.cachet.validation.ValidationRecord;
import dev.cachet.validation.ValidationRequest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorizations and challenges (RFC 8555 §7.5): responding to a challenge starts its validation
 * at once on a bounded pool; a validation that ends quickly is answered in the same response, so
 * that clients need not poll, and recorded in one commit. Only a validation still running when the
 * response is due is shown as {@code processing} first. An instance validates a challenge once at
 * a time; instances sharing a database may each validate a challenge posted to both at once, and
 * the first outcome recorded wins.
 */
public final class ChallengeService {
    private static final Logger LOG = LoggerFactory.getLogger(ChallengeService.class);
    private final AcmeOrderStore orders;
    private final ValidationAuthority validation;
    private final ExecutorService workers;
    private final AcmeSettings settings;
    private final Clock clock;
    private final Duration waitForResult;
    private final RateLimiter rateLimiter;
    private final Set<String> validating = ConcurrentHashMap.newKeySet();

    /**
     * Creates the service.
     *
     * @param orders the order store
     * @param validation the validation authority
     * @param workers the bounded pool validations run on
     * @param settings the server policy
     * @param clock the time source
     * @param waitForResult how long a challenge response waits for its validation to end
     * @param rateLimiter counts failed validations
     */
    public ChallengeService(AcmeOrderStore orders, ValidationAuthority validation, ExecutorService workers,
            AcmeSettings settings, Clock clock, Duration waitForResult, RateLimiter rateLimiter) {
        this.orders = orders;
        this.validation = validation;
        this.workers = workers;
        this.settings = settings;
        this.clock = clock;
        this.waitForResult = waitForResult;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Finds one of an account's authorizations.
     *
     * @param account the account
     * @param id the authorization id
     * @return the authorization
     */
    public AcmeAuthorization authorization(AcmeAccount account, String id) {
        return orders.findAuthorization(id).filter(a -> a.accountId().equals(account.id()))
                .orElseThrow(() -> new CachetException(ErrorType.NOT_FOUND, "no such authorization"));
    }

    /**
     * Answers a challenge (§7.5.1): starts validation unless it is running on this instance or ended.
     *
     * @param account the account
     * @param authorizationId the authorization
     * @param challengeId the challenge
     * @return the challenge's state after at most {@code waitForResult}
     */
    public AcmeChallenge respond(AcmeAccount account, String authorizationId, String challengeId) {
        AcmeAuthorization authorization = authorization(account, authorizationId);
        AcmeChallenge challenge = challenge(authorization, challengeId);
        if (authorization.status() == AuthorizationStatus.PENDING && challenge.status() == ChallengeStatus.PENDING) {
            String keyAuthorization = challenge.token() + "." + AccountService.thumbprint(key(account));
            if (validating.add(challengeId)
                    && !endsWithinWait(startValidation(authorization, challenge, keyAuthorization))) {
                // Still running: the client sees "processing" and polls (RFC 8555 §7.5.1). If the
                // outcome was recorded meanwhile, this finds the challenge no longer pending.
                orders.startChallenge(authorizationId, challengeId);
            }
        }
        return challenge(authorization(account, authorizationId), challengeId);
    }

    private Future<?> startValidation(AcmeAuthorization authorization, AcmeChallenge challenge,
            String keyAuthorization) {
        try {
            return workers.submit(() -> {
                try {
                    validate(authorization, challenge, keyAuthorization);
                } finally {
                    validating.remove(challenge.id());
                }
            });
        } catch (RejectedExecutionException e) {
            validating.remove(challenge.id());
            throw new CachetException(ErrorType.UNAVAILABLE, "too many validations at once; try again shortly", e);
        }
    }

    /**
     * Deactivates an authorization (§7.5.2).
     *
     * @param account the account
     * @param id the authorization
     * @return the authorization after the change
     */
    public AcmeAuthorization deactivate(AcmeAccount account, String id) {
        authorization(account, id);
        if (!orders.deactivateAuthorization(id)) {
            throw new CachetException(ErrorType.MALFORMED, "only pending or valid authorizations can be deactivated");
        }
        return authorization(account, id);
    }

    private void validate(AcmeAuthorization authorization, AcmeChallenge challenge, String keyAuthorization) {
        ChallengeOutcome outcome;
        try {
            List<ValidationRecord> records = validation.validate(new ValidationRequest(authorization.identifier(),
                    challenge.type(), challenge.token(), keyAuthorization));
            outcome = new ChallengeOutcome(authorization.id(), challenge.id(), true, null,
                    ValidationRecords.toJson(records), clock.instant(), clock.instant()
                            .plus(settings.authorizationReuse()));
        } catch (CachetException e) {
            outcome = new ChallengeOutcome(authorization.id(), challenge.id(), false, OrderProblems.of(e), null,
                    clock.instant(), null);
        } catch (RuntimeException e) {
            LOG.error("validation of {} failed unexpectedly", authorization.identifier(), e);
            outcome = new ChallengeOutcome(authorization.id(), challenge.id(), false,
                    OrderProblems.of(new CachetException(ErrorType.INTERNAL, "validation failed inside the CA")),
                    null, clock.instant(), null);
        }
        if (orders.finishChallenge(outcome) && !outcome.valid()) {
            rateLimiter.validationFailed(authorization.accountId(), authorization.identifier());
        }
    }

    /** Waits up to waitForResult for a validation; true when it ended. */
    private boolean endsWithinWait(Future<?> running) {
        try {
            running.get(waitForResult.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            LOG.error("validation task failed", e.getCause());
            return true;
        }
    }

    private static AcmeChallenge challenge(AcmeAuthorization authorization, String challengeId) {
        return authorization.challenges().stream().filter(c -> c.id().equals(challengeId)).findFirst()
                .orElseThrow(() -> new CachetException(ErrorType.NOT_FOUND, "no such challenge"));
    }

    private static JWK key(AcmeAccount account) {
        try {
            return JWK.parse(account.jwk());
        } catch (ParseException e) {
            throw new CachetException(ErrorType.INTERNAL, "a stored account key does not parse", e);
        }
    }
}
