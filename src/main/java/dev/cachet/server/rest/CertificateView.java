package dev.cachet.server.rest;

import dev.cachet.crypto.PemWriter;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A certificate as the REST API shows it.
 *
 * @param serial the serial in lower-case hex
 * @param status {@code valid}, {@code revoked}, {@code reserved} or {@code unissued} (never issued: lost in a crash)
 * @param profile the profile
 * @param names the certified names, such as {@code dns:example.org}
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param revokedAt when revoked, or null
 * @param revocationReason why, or null
 * @param certificate the PEM, or null while reserved
 */
record CertificateView(String serial, String status, String profile, List<String> names, Instant notBefore,
        Instant notAfter, Instant revokedAt, String revocationReason, String certificate) {

    static CertificateView of(CertificateRecord record) {
        return new CertificateView(record.serial().toString(16), statusName(record.status()), record.profile(),
                record.names().stream().map(Object::toString).toList(), record.notBefore(), record.notAfter(),
                record.revokedAt().orElse(null), record.revocationReason().map(r -> r.rfcName()).orElse(null),
                record.certificate().map(der -> PemWriter.encode(PemWriter.CERTIFICATE, der)).orElse(null));
    }

    static String statusName(CertificateStatus status) {
        return status == CertificateStatus.ISSUED ? "valid" : status.name().toLowerCase(Locale.ROOT);
    }
}
