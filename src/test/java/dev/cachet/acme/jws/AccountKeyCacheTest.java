package dev.cachet.acme.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import org.junit.jupiter.api.Test;

class AccountKeyCacheTest {
    private static JWSObject signed(ECKey key) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{}"));
        jws.sign(new ECDSASigner(key));
        return jws;
    }

    @Test
    void aKeyIsParsedOnceAndItsCachedFormVerifiesItsSignaturesOnly() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        AccountKeyCache cache = new AccountKeyCache(10);
        String json = key.toPublicJWK().toJSONString();

        AccountKeyCache.AccountKey first = cache.key(json);
        assertThat(cache.key(json)).isSameAs(first);
        assertThat(first.jwk()).isEqualTo(key.toPublicJWK());
        for (int i = 0; i < 3; i++) { // the second and later verifications use the kept precomputation
            assertThat(JwsVerification.verify(signed(key), first.jwk(), first.publicKey())).isTrue();
        }
        assertThat(JwsVerification.verify(signed(other), first.jwk(), first.publicKey())).isFalse();
    }

    @Test
    void aRolledOverKeyIsAnotherEntry() throws Exception {
        AccountKeyCache cache = new AccountKeyCache(10);
        String before = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();
        String after = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();

        assertThat(cache.key(after).publicKey()).isNotEqualTo(cache.key(before).publicKey());
    }

    @Test
    void theCacheIsEmptiedWhenFullSoItStaysBounded() throws Exception {
        AccountKeyCache cache = new AccountKeyCache(2);
        String first = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();
        AccountKeyCache.AccountKey kept = cache.key(first);
        cache.key(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString());
        cache.key(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString());

        assertThat(cache.key(first)).isNotSameAs(kept).isEqualTo(kept);
    }

    @Test
    void aStoredKeyThatDoesNotParseIsAnInternalError() {
        assertThatThrownBy(() -> new AccountKeyCache(2).key("{not json"))
                .isInstanceOf(CachetException.class)
                .satisfies(e -> assertThat(((CachetException) e).type()).isEqualTo(ErrorType.INTERNAL));
    }
}
