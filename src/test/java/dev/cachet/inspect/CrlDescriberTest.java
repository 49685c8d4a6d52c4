package dev.cachet.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.crypto.KeyType;
import dev.cachet.crypto.PemWriter;
import dev.cachet.testing.PkiFixtures;
import dev.cachet.testing.TestCa;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.Test;

class CrlDescriberTest {
    private static final TestCa CA = TestCa.create(KeyType.EC_P256, PkiFixtures.clock());

    private static String pem(X509CRLHolder crl) throws IOException {
        return PemWriter.encode(PemWriter.CRL, crl.getEncoded());
    }

    @Test
    void issuerTimesNumberAndEntries() throws IOException {
        Description crl = Inspections.single(pem(PkiFixtures.crl(CA, PkiFixtures.NOW, 2)));
        assertThat(crl.kind()).isEqualTo(Kind.CRL);
        assertThat(Inspections.value(crl, "issuer")).isEqualTo("CN=Test Intermediate CA");
        assertThat(Inspections.value(crl, "thisUpdate")).isEqualTo("2025-06-01T12:00:00Z");
        assertThat(Inspections.value(crl, "nextUpdate")).isEqualTo("2025-06-08T12:00:00Z");
        assertThat(Inspections.field(crl, "nextUpdate").text()).isEqualTo("2025-06-08T12:00:00Z (in 7 days)");
        assertThat(Inspections.value(crl, "crlNumber")).isEqualTo(BigInteger.valueOf(7));
        assertThat(Inspections.value(crl, "signatureAlgorithm")).isEqualTo("ecdsa-with-SHA256");
        assertThat(Inspections.value(crl, "revokedCount")).isEqualTo(2);
        List<?> entries = (List<?>) Inspections.value(crl, "revoked");
        assertThat(entries).hasSize(2);
        Group first = (Group) entries.get(0);
        assertThat(first.fields()).extracting(Field::key).containsExactly("serial", "date", "reason");
        assertThat(first.fields()).extracting(Field::value)
                .containsExactly("1", "2025-05-31T12:00:00Z", "keyCompromise");
        assertThat(((Group) entries.get(1)).fields()).extracting(Field::key).containsExactly("serial", "date");
        assertThat(Inspections.field(crl, "revoked").text())
                .isEqualTo("1  2025-05-31T12:00:00Z  keyCompromise\n2  2025-05-30T12:00:00Z");
    }

    @Test
    void aLongCrlShowsTheFirstEntriesAndCountsTheRest() throws IOException {
        Description crl = Inspections.single(pem(PkiFixtures.crl(CA, PkiFixtures.NOW, 25)));
        assertThat(Inspections.value(crl, "revokedCount")).isEqualTo(25);
        assertThat((List<?>) Inspections.value(crl, "revoked")).hasSize(CrlDescriber.SHOWN_ENTRIES);
        String text = Inspections.field(crl, "revoked").text();
        assertThat(text.lines()).hasSize(CrlDescriber.SHOWN_ENTRIES + 1);
        assertThat(text).startsWith("1   2025-05-31T12:00:00Z  keyCompromise\n").endsWith("\n... and 5 more");
        assertThat(Inspections.field(crl, "revokedCount").text()).isEqualTo("25 certificates");
    }

    @Test
    void anEmptyCrlAndAnOverdueOne() throws IOException {
        String crl = pem(PkiFixtures.crl(CA, PkiFixtures.NOW, 0));
        Description late = Inspections.at(crl, PkiFixtures.NOW.plus(Duration.ofDays(9))).objects().get(0);
        assertThat(Inspections.field(late, "revokedCount").text()).isEqualTo("none");
        assertThat(late.value("revoked")).isEmpty();
        assertThat(Inspections.field(late, "nextUpdate").text()).endsWith("(overdue by 2 days)");
    }
}
