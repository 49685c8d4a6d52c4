package dev.cachet.benchmarks;

import dev.cachet.crypto.KeyType;
import dev.cachet.revocation.CrlGenerator;
import dev.cachet.store.StoredCrl;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full CRL of {@code entries} revoked certificates, streamed from a store and signed with the EC
 * P-256 CA key. The store makes its entries on the fly, so that what is measured is the encoder and
 * its memory, not a database (reading a million rows from H2 adds its own time, see
 * docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CrlBenchmark {
    @Param({"10000", "1000000"})
    public int entries;

    private BenchCa ca;
    private CrlGenerator generator;

    /** Makes the CA and the synthetic store. */
    @Setup
    public void setUp() {
        ca = new BenchCa(KeyType.EC_P256);
        generator = new CrlGenerator(new SyntheticRevocations(entries));
    }

    /** One CRL, generated and signed; its size is checked so that nothing is optimised away. */
    @Benchmark
    public int generate() {
        Instant now = Instant.now();
        StoredCrl crl = generator.generate(ca.issuer(), BigInteger.ONE, now, now.plus(Duration.ofDays(7)), now);
        if (crl.der().length < entries * 20) {
            throw new IllegalStateException("CRL too short: " + crl.der().length + " bytes");
        }
        return crl.der().length;
    }
}
