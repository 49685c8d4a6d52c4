package dev.cachet.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.testing.InMemoryNonceStore;
import dev.cachet.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Nonces made without the database and redeemed once (RFC 8555 §6.5), on any instance sharing it. */
class NonceServiceTest {
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryNonceStore store = new InMemoryNonceStore();
    private final NonceService nonces = service(store);

    @Test
    void aNonceIsGoodOnce() {
        String nonce = nonces.next();

        nonces.redeem(nonce);

        assertBadNonce(nonce, "used already");
    }

    @Test
    void anotherInstanceSharingTheDatabaseAcceptsItOnce() {
        NonceService other = service(store);
        String nonce = nonces.next();

        other.redeem(nonce);

        assertBadNonce(nonce, "used already");
    }

    @Test
    void aNonceOfAnotherDatabaseIsRefused() {
        assertBadNonce(service(new InMemoryNonceStore()).next(), "not one of this server's");
    }

    @Test
    void anExpiredNonceIsRefused() {
        String nonce = nonces.next();
        clock.advance(LIFETIME);

        assertBadNonce(nonce, "expired");
    }

    @Test
    void aTamperedExpiryIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(nonces.next());
        bytes[16 + 4] ^= 1;

        assertBadNonce(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), "not one of this server's");
    }

    @Test
    void malformedOrMissingNoncesAreRefused() {
        assertBadNonce("not a nonce!", "not one of this server's");
        assertBadNonce("AAAA", "not one of this server's");
        assertBadNonce(null, "no nonce");
        assertBadNonce("", "no nonce");
    }

    @Test
    void expiredRecordsArePurgedAsNoncesAreRedeemed() {
        String old = nonces.next();
        nonces.redeem(old);
        clock.advance(LIFETIME.plusSeconds(1));

        for (int i = 0; i < 256; i++) {
            nonces.redeem(nonces.next());
        }

        assertThat(store.purgeExpired(clock.instant().plus(LIFETIME), Integer.MAX_VALUE))
                .as("only the 256 fresh records are left").isEqualTo(256);
    }

    @Test
    void theSoleInstanceRedeemsItsOwnNoncesOnceWithoutWritingThem() {
        NonceService sole = sole();
        String nonce = sole.next();

        sole.redeem(nonce);

        assertBadNonce(sole, nonce, "used already");
        assertThat(store.purgeExpired(clock.instant().plus(LIFETIME.multipliedBy(2)), Integer.MAX_VALUE))
                .as("no record of the local nonce in the store").isZero();
    }

    @Test
    void aLocalNonceIsRefusedAfterARestartAndByOtherInstances() {
        String nonce = sole().next();
        NonceService restarted = sole();

        assertBadNonce(restarted, nonce, "another instance, or before this one restarted");
        assertBadNonce(nonces, nonce, "another instance, or before this one restarted");
    }

    @Test
    void theSoleInstanceRedeemsTheNoncesOfInstancesSharingItsDatabaseInTheDatabase() {
        NonceService sole = sole();
        String nonce = nonces.next();

        sole.redeem(nonce);

        assertBadNonce(nonces, nonce, "used already");
    }

    @Test
    void aLocalNonceOlderThanTheWindowIsRefused() {
        NonceService sole = new NonceService(store, new SecureRandom(), clock, LIFETIME,
                new LocalNonces(new SecureRandom(), 6));
        String oldest = sole.next();
        String last = oldest;
        for (int i = 0; i < 64; i++) {
            last = sole.next();
        }
        String stillInWindow = last;

        assertBadNonce(sole, oldest, "too old");
        sole.redeem(stillInWindow);
    }

    @Test
    void racingRequestsRedeemALocalNonceOnce() throws Exception {
        NonceService sole = sole();
        String nonce = sole.next();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> accepted(sole, nonce)));
            }
            int accepted = 0;
            for (Future<Boolean> attempt : attempts) {
                accepted += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean accepted(NonceService service, String nonce) {
        try {
            service.redeem(nonce);
            return true;
        } catch (CachetException e) {
            return false;
        }
    }

    /** A new boot of the process owning the database: its own nonces are redeemed in memory. */
    private NonceService sole() {
        return NonceService.soleInstance(store, new SecureRandom(), clock, LIFETIME);
    }

    private NonceService service(InMemoryNonceStore shared) {
        return new NonceService(shared, new SecureRandom(), clock, LIFETIME);
    }

    private void assertBadNonce(String nonce, String detail) {
        assertBadNonce(nonces, nonce, detail);
    }

    private static void assertBadNonce(NonceService service, String nonce, String detail) {
        assertThatThrownBy(() -> service.redeem(nonce)).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_NONCE)).hasMessageContaining(detail);
    }
}
