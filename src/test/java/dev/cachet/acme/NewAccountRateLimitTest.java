package dev.cachet.acme;

import static dev.cachet.acme.AcmeServicesFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** New accounts per client IP address per hour. */
class NewAccountRateLimitTest {
    private static final String CLIENT = "192.0.2.7";
    private AcmeServicesFixture acme;

    @AfterEach
    void close() {
        acme.close();
    }

    @Test
    void theSecondAccountOfAnAddressInAnHourIsAllowedTheThirdRefused() throws JOSEException {
        acme = new AcmeServicesFixture(new RateLimits(0, 0, 0, 2));
        JWK first = key();
        assertThat(newAccount(first, CLIENT).created()).isTrue();
        acme.clock.advance(Duration.ofMinutes(15));
        assertThat(newAccount(key(), CLIENT).created()).isTrue();

        RateLimitedException e = refused(() -> newAccount(key(), CLIENT));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(e.getMessage()).contains("new accounts from " + CLIENT, "limit 2");
        assertThat(newAccount(first, CLIENT).created()).as("an existing account is found, not made").isFalse();
        assertThat(newAccount(key(), "192.0.2.8").created()).isTrue();
        acme.clock.advance(Duration.ofMinutes(45));
        assertThat(newAccount(key(), CLIENT).created()).isTrue();
    }

    @Test
    void zeroTurnsTheLimitOff() throws JOSEException {
        acme = new AcmeServicesFixture(new RateLimits(0, 0, 0, 0));
        for (int i = 0; i < 5; i++) {
            assertThat(newAccount(key(), CLIENT).created()).isTrue();
        }
    }

    private NewAccountResult newAccount(JWK key, String client) {
        return acme.accounts.newAccount(key, new NewAccountRequest(null, true, false, null),
                acme.links.newAccount(), client);
    }

    private static ECKey key() throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();
    }
}
