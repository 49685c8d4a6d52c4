package dev.cachet.benchmarks;

import dev.cachet.ca.IssuedCertificate;
import dev.cachet.ca.LeafIssuer;
import dev.cachet.ca.StoreJournal;
import dev.cachet.crypto.KeyType;
import dev.cachet.revocation.OcspResponder;
import dev.cachet.revocation.OcspSettings;
import dev.cachet.store.jdbc.Database;
import dev.cachet.store.jdbc.JdbcAuditLog;
import dev.cachet.store.jdbc.JdbcCertificateStore;
import dev.cachet.store.jdbc.JdbcUnitOfWork;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * OCSP answers of {@link OcspResponder} for a certificate recorded in H2: signed anew for every
 * request ({@code signed}, the request carries a nonce) and from the cache ({@code cached}, no
 * nonce, as browsers and GET requests); beside the raw signature of the EC P-256 CA key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OcspBenchmark {
    private BenchCa ca;
    private Database database;
    private OcspResponder responder;
    private byte[] withNonce;
    private byte[] withoutNonce;

    /** Issues one certificate into H2 and builds the two requests about it. */
    @Setup
    public void setUp() throws IOException, OCSPException, OperatorCreationException {
        ca = new BenchCa(KeyType.EC_P256);
        database = Database.embedded(Files.createTempDirectory("cachet-bench-ocsp"));
        JdbcCertificateStore store = new JdbcCertificateStore(database.dataSource(), Clock.systemUTC());
        IssuedCertificate leaf = new LeafIssuer(ca.issuer(), new StoreJournal(store,
                new JdbcAuditLog(database.dataSource()), new JdbcUnitOfWork(database.dataSource()), Clock.systemUTC()), new SecureRandom(), Clock.systemUTC())
                .issue(BenchCa.request("ocsp.example.org"), "bench");
        responder = new OcspResponder(List.of(ca.issuer()), store, Clock.systemUTC(), OcspSettings.defaults());
        withNonce = request(ca.material().intermediate(), leaf.serial(), true);
        withoutNonce = request(ca.material().intermediate(), leaf.serial(), false);
    }

    /** Closes the database. */
    @TearDown
    public void tearDown() {
        database.close();
    }

    /** A response signed for this request (status read from the store, then signed). */
    @Benchmark
    public byte[] signed() {
        return responder.respond(withNonce);
    }

    /** A response from the cache, as GET requests of known serials get most of the time. */
    @Benchmark
    public byte[] cached() {
        return responder.respond(withoutNonce);
    }

    /** The floor: one signature of the CA key, as Cachet makes it. */
    @Benchmark
    public byte[] rawSign() throws GeneralSecurityException {
        return ca.rawSign();
    }

    private static byte[] request(X509CertificateHolder issuer, BigInteger serial, boolean nonce)
            throws OCSPException, OperatorCreationException, IOException {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        OCSPReqBuilder builder = new OCSPReqBuilder()
                .addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer, serial));
        if (nonce) {
            byte[] value = new byte[16];
            new SecureRandom().nextBytes(value);
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false, new DEROctetString(value))));
        }
        return builder.build().getEncoded();
    }
}
