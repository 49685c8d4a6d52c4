package dev.cachet.revocation;

import static dev.cachet.revocation.CrlTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.ca.IssuerIds;
import dev.cachet.core.RevocationReason;
import dev.cachet.store.CertificateReservation;
import dev.cachet.testing.InMemoryCertificateStore;
import dev.cachet.testing.StoredTestCa;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.junit.jupiter.api.Test;

class CrlGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant FAR = Instant.parse("2060-01-01T00:00:00Z");

    @Test
    void theStreamedEncodingIsByteForByteWhatBouncyCastlesBuilderMakes() throws Exception {
        StoredTestCa ca = StoredTestCa.create(NOW);
        InMemoryCertificateStore store = new InMemoryCertificateStore(ca.clock());
        String issuerId = IssuerIds.of(ca.issuer().certificate());
        Object[][] entries = {
            {BigInteger.ONE, "2026-11-27T09:59:59.999Z", RevocationReason.KEY_COMPROMISE},
            {BigInteger.valueOf(127), "2049-12-31T23:59:59Z", RevocationReason.UNSPECIFIED},
            {BigInteger.valueOf(128), "2050-01-01T00:00:00Z", RevocationReason.PRIVILEGE_WITHDRAWN},
            {BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE), "1999-02-03T04:05:06Z",
                RevocationReason.SUPERSEDED},
        };
        X509v2CRLBuilder expected = new X509v2CRLBuilder(ca.issuer().certificate().getSubject(), Date.from(NOW));
        for (Object[] e : entries) {
            BigInteger serial = (BigInteger) e[0];
            Instant at = Instant.parse((String) e[1]);
            RevocationReason reason = (RevocationReason) e[2];
            store.reserve(new CertificateReservation(serial, issuerId, "tls-server", List.of(), "test", NOW, FAR,
                    new byte[0]));
            store.revoke(serial, reason, at);
            expected.addCRLEntry(serial, Date.from(Instant.ofEpochSecond(at.getEpochSecond())), reason.code());
        }
        Instant nextUpdate = NOW.plus(Duration.ofDays(7));
        expected.setNextUpdate(Date.from(nextUpdate));
        expected.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(
                SubjectKeyIdentifier.fromExtensions(ca.issuer().certificate().getExtensions()).getKeyIdentifier()));
        expected.addExtension(Extension.cRLNumber, false, new ASN1Integer(42));

        byte[] der = new CrlGenerator(store).generate(ca.issuer(), BigInteger.valueOf(42), NOW, nextUpdate, NOW)
                .der();

        X509CRLHolder actual = parse(der, ca.issuer().certificate());
        assertThat(tbs(actual)).isEqualTo(tbs(expected.build(ca.issuer().key().contentSigner())));
        assertThat(Arrays.stream(actual.toASN1Structure().getRevokedCertificates())
                .filter(e -> e.getUserCertificate().hasValue(128)).findFirst().orElseThrow().getRevocationDate()
                .toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
    }

    @Test
    void aLargeCrlStreamsFromTheStoreAndParses() {
        int count = 100_000;
        StoredTestCa ca = StoredTestCa.create(NOW);
        InMemoryCertificateStore store = new InMemoryCertificateStore(ca.clock());
        String issuerId = IssuerIds.of(ca.issuer().certificate());
        BigInteger base = BigInteger.ONE.shiftLeft(126);
        RevocationReason[] reasons = RevocationReason.values();
        for (int i = 0; i < count; i++) {
            BigInteger serial = base.add(BigInteger.valueOf(i * 7919L));
            store.reserve(new CertificateReservation(serial, issuerId, "tls-server", List.of(), "test", NOW, FAR,
                    new byte[0]));
            store.revoke(serial, reasons[i % reasons.length], NOW.minusSeconds(i));
        }

        long start = System.nanoTime();
        byte[] der = new CrlGenerator(store).generate(ca.issuer(), BigInteger.TEN, NOW, NOW.plus(Duration.ofDays(7)),
                NOW).der();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        X509CRLHolder crl = parse(der, ca.issuer().certificate());
        assertThat(crl.getRevokedCertificates()).hasSize(count);
        assertThat(der.length).isLessThan(count * 52);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
    }

    private static byte[] tbs(X509CRLHolder crl) throws Exception {
        return crl.toASN1Structure().getTBSCertList().getEncoded(ASN1Encoding.DER);
    }
}
