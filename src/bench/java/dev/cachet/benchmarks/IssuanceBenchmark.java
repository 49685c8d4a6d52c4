package dev.cachet.benchmarks;

import dev.cachet.ca.IssuanceRequest;
import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.StoreJournal;
import dev.cachet.store.jdbc.Database;
import dev.cachet.store.jdbc.JdbcAuditLog;
import dev.cachet.store.jdbc.JdbcCertificateStore;
import dev.cachet.store.jdbc.JdbcUnitOfWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Leaf issuance in process, the whole cycle of {@link LeafIssuer#issue} (checks, build, lint
 * signature, record, CA signature, TBS check, record): into memory ({@code issue}) and into the
 * embedded H2 database as the server does ({@code issueH2}); beside the raw signature of the CA key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IssuanceBenchmark {
    @Param({"ec-p256", "rsa-2048"})
    public String caKey;

    private BenchCa ca;
    private IssuanceRequest request;
    private LeafIssuer inMemory;
    private LeafIssuer intoH2;
    private Database database;
    private Path folder;

    /** Makes the CA, one request (the subscriber's key is not what is measured) and the database. */
    @Setup
    public void setUp() throws IOException {
        ca = new BenchCa(BenchCa.keyType(caKey));
        request = BenchCa.request("www.example.org");
        inMemory = new LeafIssuer(ca.issuer(), new MemoryJournal(), new SecureRandom(), Clock.systemUTC());
        folder = Files.createTempDirectory("cachet-bench-h2");
        database = Database.embedded(folder);
        intoH2 = new LeafIssuer(ca.issuer(), new StoreJournal(new JdbcCertificateStore(database.dataSource(),
                Clock.systemUTC()), new JdbcAuditLog(database.dataSource()),
                new JdbcUnitOfWork(database.dataSource()), Clock.systemUTC()),
                new SecureRandom(), Clock.systemUTC());
    }

    /** Closes the database. */
    @TearDown
    public void tearDown() {
        database.close();
    }

    /** Issuance, recorded in memory. */
    @Benchmark
    public IssuedCertificate issue() {
        return inMemory.issue(request, "bench");
    }

    /** Issuance, recorded durably in H2 (reservation, audit event, signed certificate). */
    @Benchmark
    public IssuedCertificate issueH2() {
        return intoH2.issue(request, "bench");
    }

    /** The floor: one signature of the CA key, as Cachet makes it. */
    @Benchmark
    public byte[] rawSign() throws GeneralSecurityException {
        return ca.rawSign();
    }
}
