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
import java.util.Base64;
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

    private NonceService service(InMemoryNonceStore shared) {
        return new NonceService(shared, new SecureRandom(), clock, LIFETIME);
    }

    private void assertBadNonce(String nonce, String detail) {
        assertThatThrownBy(() -> nonces.redeem(nonce)).isInstanceOfSatisfying(CachetException.class,
                e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_NONCE)).hasMessageContaining(detail);
    }
}
