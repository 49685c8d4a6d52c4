package dev.cachet.consistency;

import dev.cachet.ca.IssuerIds;
import dev.cachet.crypto.SignatureVerifiers;
import dev.cachet.store.ConsistencySource.CertificateRow;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The checks of each certificate row: its serial key, its state, and for a stored certificate
 * that it parses, carries the row's serial, has the TBSCertificate linted before signing, and is
 * signed by a known issuer whose id the row names. Counts rows and remembers the revoked serials.
 */
final class CertificateChecks {
    /** The stored form of a serial: 40 lower-case hex digits. */
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{40}");

    private final List<X509CertificateHolder> issuers;
    private final Instant cutoff;
    private final Duration grace;
    private final Consumer<ConsistencyProblem> problems;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Set<BigInteger> revoked = new HashSet<>();
    private int inFlight;

    CertificateChecks(List<X509CertificateHolder> issuers, Instant now, Duration grace,
            Consumer<ConsistencyProblem> problems) {
        this.issuers = List.copyOf(issuers);
        this.cutoff = now.minus(grace);
        this.grace = grace;
        this.problems = problems;
    }

    void check(CertificateRow row) {
        counts.merge(row.status(), 1, Integer::sum);
        String subject = "certificate " + row.serialKey();
        BigInteger serial = serial(row.serialKey(), subject);
        switch (row.status()) {
            case "RESERVED":
                if (row.createdAt().isBefore(cutoff)) {
                    problem("not-stored", subject, "reserved at " + row.createdAt() + ", more than "
                            + grace.toSeconds() + " s ago, yet neither stored nor marked never issued");
                } else {
                    inFlight++;
                }
                break;
            case "UNISSUED":
                if (row.certificate() != null) {
                    problem("unissued-with-certificate", subject, "marked never issued but holds a signed certificate");
                }
                break;
            case "ISSUED":
            case "REVOKED":
                if (row.status().equals("REVOKED") && serial != null) {
                    revoked.add(serial);
                }
                if (row.certificate() != null) {
                    checkSigned(row, serial, subject);
                } else if (row.status().equals("ISSUED")) {
                    problem("issued-without-certificate", subject, "issued but no signed certificate is stored");
                }
                break;
            default:
                problem("unknown-status", subject, "status '" + row.status() + "' is none of Cachet's");
        }
    }

    Map<String, Integer> counts() {
        return counts;
    }

    int inFlight() {
        return inFlight;
    }

    Set<BigInteger> revoked() {
        return revoked;
    }

    private BigInteger serial(String key, String subject) {
        if (KEY.matcher(key).matches()) {
            return new BigInteger(key, 16);
        }
        problem("malformed-serial", subject, "not 40 lower-case hex digits");
        return key.matches("[0-9a-fA-F]{1,40}") ? new BigInteger(key, 16) : null;
    }

    private void checkSigned(CertificateRow row, BigInteger serial, String subject) {
        Optional<X509CertificateHolder> parsed = parse(row.certificate());
        if (parsed.isEmpty()) {
            problem("unparsable-certificate", subject, "the stored certificate is not DER X.509");
            return;
        }
        X509CertificateHolder certificate = parsed.get();
        if (serial != null && !certificate.getSerialNumber().equals(serial)) {
            problem("serial-mismatch", subject, "the stored certificate has serial "
                    + certificate.getSerialNumber().toString(16));
        }
        Optional<X509CertificateHolder> linted = parse(row.lintCertificate());
        if (linted.isEmpty() || !Arrays.equals(tbs(linted.get()), tbs(certificate))) {
            problem("tbs-mismatch", subject,
                    "the stored certificate is not the one linted and recorded before signing");
        }
        Optional<X509CertificateHolder> issuer = issuers.stream().filter(i -> signedBy(certificate, i)).findFirst();
        if (issuer.isEmpty()) {
            problem("unknown-issuer", subject, "not signed by a known issuer (its issuer is "
                    + certificate.getIssuer() + ")");
        } else if (!IssuerIds.of(issuer.get()).equals(row.issuerId())) {
            problem("issuer-mismatch", subject, "signed by issuer " + IssuerIds.of(issuer.get())
                    + " but recorded for " + row.issuerId());
        }
    }

    private void problem(String kind, String subject, String detail) {
        problems.accept(new ConsistencyProblem(kind, subject, detail));
    }

    static Optional<X509CertificateHolder> parse(byte[] der) {
        try {
            return Optional.of(new X509CertificateHolder(der));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] tbs(X509CertificateHolder certificate) {
        try {
            return certificate.toASN1Structure().getTBSCertificate().getEncoded("DER");
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        if (!certificate.getIssuer().equals(issuer.getSubject())) {
            return false;
        }
        try {
            return certificate.isSignatureValid(SignatureVerifiers.of(issuer));
        } catch (CertException | OperatorCreationException e) {
            return false;
        }
    }
}
