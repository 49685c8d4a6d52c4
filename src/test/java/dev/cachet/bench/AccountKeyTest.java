package dev.cachet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import dev.cachet.acme.jws.FlattenedJws;
import dev.cachet.acme.jws.JwsVerification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The load generator's requests are checked by Cachet's own JWS parser and verifier. */
class AccountKeyTest {
    private final AccountKey key = AccountKey.generate();
    private final URI url = URI.create("https://127.0.0.1:8443/acme/new-order");

    @Test
    void aRequestBeforeTheAccountCarriesTheJwkAndVerifies() {
        JWSObject jws = parse(key.sign(url, "n1", Optional.empty(), "{\"a\":1}"));
        assertThat(jws.getHeader().getJWK()).isEqualTo(key.publicJwk());
        assertThat(jws.getHeader().getKeyID()).isNull();
        assertThat(jws.getHeader().getCustomParam("nonce")).isEqualTo("n1");
        assertThat(jws.getHeader().getCustomParam("url")).isEqualTo(url.toString());
        assertThat(jws.getPayload().toString()).isEqualTo("{\"a\":1}");
        assertThat(JwsVerification.verify(jws, key.publicJwk())).isTrue();
        assertThat(JwsVerification.verify(jws, AccountKey.generate().publicJwk())).isFalse();
    }

    @Test
    void aRequestOfAnAccountNamesItAsKidAndPostAsGetHasAnEmptyPayload() {
        URI account = URI.create("https://127.0.0.1:8443/acme/acct/7");
        JWSObject jws = parse(key.sign(url, "n2", Optional.of(account), ""));
        assertThat(jws.getHeader().getKeyID()).isEqualTo(account.toString());
        assertThat(jws.getHeader().getJWK()).isNull();
        assertThat(jws.getPayload().toString()).isEmpty();
        assertThat(JwsVerification.verify(jws, key.publicJwk())).isTrue();
    }

    @Test
    void theKeyAuthorizationIsTheTokenAndTheJwkThumbprint() throws Exception {
        assertThat(key.keyAuthorization("tok"))
                .isEqualTo("tok." + key.publicJwk().computeThumbprint().toString());
    }

    private static JWSObject parse(String body) {
        return FlattenedJws.parse(body.getBytes(StandardCharsets.US_ASCII));
    }
}
