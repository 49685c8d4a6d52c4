package dev.cachet.inspect;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;

/** Describes a CRL: issuer, update times, number, and its first revoked entries. */
final class CrlDescriber {
    /** Revoked entries shown; the others are counted. */
    static final int SHOWN_ENTRIES = 20;

    private final Clock clock;

    CrlDescriber(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Describes a CRL.
     *
     * @param crl the CRL
     * @return its description
     */
    Description describe(X509CRLHolder crl) {
        Fields fields = new Fields()
                .add("issuer", "issuer", Formats.name(crl.getIssuer()))
                .add("thisUpdate", "this update", Formats.time(crl.getThisUpdate()));
        Date nextUpdate = crl.getNextUpdate();
        if (nextUpdate != null) {
            fields.add("nextUpdate", "next update", Formats.time(nextUpdate),
                    Formats.time(nextUpdate) + " (" + due(nextUpdate.toInstant(), clock.instant()) + ")");
        }
        fields.add("crlNumber", "CRL number", crlNumber(crl))
                .add("signatureAlgorithm", "signature algorithm",
                        AlgorithmNames.name(crl.toASN1Structure().getSignatureAlgorithm()));
        revoked(fields, crl.getRevokedCertificates());
        return new Description(Kind.CRL, fields.build());
    }

    private static String due(Instant nextUpdate, Instant now) {
        long days = Formats.daysBetween(now, nextUpdate);
        if (now.isAfter(nextUpdate)) {
            long late = Formats.daysBetween(nextUpdate, now);
            return late == 0 ? "overdue by less than a day" : "overdue by " + Formats.days(late);
        }
        return days == 0 ? "in less than a day" : "in " + Formats.days(days);
    }

    private static BigInteger crlNumber(X509CRLHolder crl) {
        Extension extension = crl.getExtension(Extension.cRLNumber);
        return extension == null ? null : CRLNumber.getInstance(extension.getParsedValue()).getCRLNumber();
    }

    private static void revoked(Fields fields, Collection<?> entries) {
        int count = entries.size();
        fields.add("revokedCount", "revoked", count, count == 0 ? "none" : count + (count == 1 ? " certificate"
                : " certificates"));
        List<X509CRLEntryHolder> shown = entries.stream().limit(SHOWN_ENTRIES).map(X509CRLEntryHolder.class::cast)
                .toList();
        if (shown.isEmpty()) {
            return;
        }
        int width = shown.stream().mapToInt(e -> Formats.serial(e.getSerialNumber()).length()).max().orElse(0);
        List<Group> groups = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (X509CRLEntryHolder entry : shown) {
            Group group = entry(entry, width);
            groups.add(group);
            lines.add(group.summary());
        }
        if (count > shown.size()) {
            lines.add("... and " + (count - shown.size()) + " more");
        }
        fields.add("revoked", "revoked entries", groups, String.join("\n", lines));
    }

    private static Group entry(X509CRLEntryHolder entry, int width) {
        String serial = Formats.serial(entry.getSerialNumber());
        String date = Formats.time(entry.getRevocationDate());
        String reason = reason(entry);
        String summary = String.format("%-" + width + "s  %s", serial, date) + (reason == null ? "" : "  " + reason);
        return new Group(new Fields().add("serial", "serial", serial).add("date", "date", date)
                .add("reason", "reason", reason).build(), summary);
    }

    private static String reason(X509CRLEntryHolder entry) {
        Extension extension = entry.getExtension(Extension.reasonCode);
        if (extension == null) {
            return null;
        }
        try {
            return ExtensionNames.reason(CRLReason.getInstance(extension.getParsedValue()).getValue().intValue());
        } catch (RuntimeException e) {
            return "malformed reason";
        }
    }
}
