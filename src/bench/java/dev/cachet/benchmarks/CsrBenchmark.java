package dev.cachet.benchmarks;

import dev.cachet.bench.AccountKey;
import dev.cachet.acme.jws.FlattenedJws;
import dev.cachet.acme.jws.JwsVerification;
import dev.cachet.core.Identifier;
import dev.cachet.crypto.Jca;
import dev.cachet.crypto.KeyPairFactory;
import dev.cachet.crypto.KeyType;
import dev.cachet.csr.CsrBuilder;
import dev.cachet.csr.CsrParser;
import dev.cachet.csr.ParsedCsr;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signature checks on the way in: a CSR parsed and its self-signature verified, and an ACME
 * request's JWS (ES256) parsed and verified as the server does; beside the raw EC P-256
 * verification with the JDK's provider and with Bouncy Castle, which Cachet uses. With
 * {@code IssuanceBenchmark}'s raw signature, these give an ACME order's crypto floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CsrBenchmark {
    private byte[] csr;
    private byte[] jws;
    private com.nimbusds.jose.jwk.ECKey jwk;
    private PublicKey accountKey;
    private Signature verifier;
    private Signature bouncyCastleVerifier;
    private byte[] signed;
    private byte[] signature;

    /** Makes one CSR, one JWS and one signature to check again and again. */
    @Setup
    public void setUp() throws IOException, GeneralSecurityException {
        KeyPair key = new KeyPairFactory(new SecureRandom()).generate(KeyType.EC_P256);
        csr = CsrBuilder.build(key, new X500Name("CN=www.example.org"),
                List.of(Identifier.dns("www.example.org"))).getEncoded();
        AccountKey account = AccountKey.generate();
        jwk = account.publicJwk();
        accountKey = JwsVerification.publicKey(jwk);
        jws = account.sign(URI.create("https://127.0.0.1/acme/new-order"), "nonce", Optional.empty(),
                "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"www.example.org\"}]}")
                .getBytes(StandardCharsets.US_ASCII);
        signed = new byte[300];
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(signed);
        signature = signer.sign();
        verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key.getPublic());
        bouncyCastleVerifier = Signature.getInstance("SHA256withECDSA", Jca.provider());
        bouncyCastleVerifier.initVerify(key.getPublic());
    }

    /** A CSR parsed and its signature verified, as finalize and the REST API do. */
    @Benchmark
    public ParsedCsr csrParseVerify() {
        return CsrParser.parse(csr);
    }

    /** A JWS parsed and verified with its JWK, as every ACME POST is. */
    @Benchmark
    public boolean jwsVerify() {
        return JwsVerification.verify(FlattenedJws.parse(jws), jwk);
    }

    /**
     * A JWS parsed and verified with a key converted before, as every request of a known account
     * is (the server keeps account keys converted).
     */
    @Benchmark
    public boolean jwsVerifyKnownKey() {
        return JwsVerification.verify(FlattenedJws.parse(jws), jwk, accountKey);
    }

    /** The floor: one raw ECDSA P-256 verification with Bouncy Castle, as Cachet verifies. */
    @Benchmark
    public boolean rawVerifyBouncyCastle() throws GeneralSecurityException {
        bouncyCastleVerifier.update(signed);
        return bouncyCastleVerifier.verify(signature);
    }

    /** One raw ECDSA P-256 verification with the JDK's provider. */
    @Benchmark
    public boolean rawVerify() throws GeneralSecurityException {
        verifier.update(signed);
        return verifier.verify(signature);
    }
}
