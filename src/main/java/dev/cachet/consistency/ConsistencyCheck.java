package dev.cachet.consistency;

import dev.cachet.ca.IssuerIds;
import dev.cachet.store.ConsistencySource;
import dev.cachet.store.ConsistencySource.OrderRow;
import dev.cachet.store.ConsistencySource.RequestRow;
import dev.cachet.store.CrlStore;
import dev.cachet.store.StoredCrl;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Checks the database of a Cachet: serials unique; every recorded serial either stored with the
 * certificate that was linted (and signed by a known issuer) or marked never issued, unless it is
 * younger than the grace period of crash recovery (an issuance in flight); ACME orders consistent
 * with their certificates and not stuck processing; e-mail requests not stuck issuing; the latest
 * CRL of each issuer listing only revoked certificates. Reads only.
 */
public final class ConsistencyCheck {
    private final ConsistencySource source;
    private final CrlStore crls;
    private final List<X509CertificateHolder> issuers;
    private final Clock clock;
    private final Duration grace;

    /**
     * Creates the check.
     *
     * @param source the database rows
     * @param crls the stored CRLs
     * @param issuers the CA certificates that sign leaves (and the root)
     * @param clock the time source
     * @param grace the grace period of crash recovery ({@code recovery.graceSeconds})
     */
    public ConsistencyCheck(ConsistencySource source, CrlStore crls, List<X509CertificateHolder> issuers, Clock clock,
            Duration grace) {
        this.source = Objects.requireNonNull(source, "source");
        this.crls = Objects.requireNonNull(crls, "crls");
        this.issuers = List.copyOf(issuers);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /** @return the problems and counts */
    public ConsistencyReport run() {
        Instant now = clock.instant();
        List<ConsistencyProblem> problems = new ArrayList<>();
        for (String key : source.duplicateSerials()) {
            problems.add(new ConsistencyProblem("duplicate-serial", "certificate " + key,
                    "the serial is held by more than one certificate row"));
        }
        CertificateChecks certificates = new CertificateChecks(issuers, now, grace, problems::add);
        source.forEachCertificate(certificates::check);
        Map<String, Integer> orders = new TreeMap<>();
        Instant cutoff = now.minus(grace);
        source.forEachOrder(order -> {
            orders.merge(order.status(), 1, Integer::sum);
            checkOrder(order, cutoff, problems);
        });
        source.forEachRequest(request -> checkRequest(request, cutoff, problems));
        int checkedCrls = 0;
        for (X509CertificateHolder issuer : issuers) {
            Optional<StoredCrl> crl = crls.latest(IssuerIds.of(issuer));
            if (crl.isPresent()) {
                checkedCrls++;
                checkCrl(crl.get(), issuer, certificates.revoked(), problems);
            }
        }
        return new ConsistencyReport(problems, certificates.counts(), certificates.inFlight(), orders, checkedCrls);
    }

    private void checkOrder(OrderRow order, Instant cutoff, List<ConsistencyProblem> problems) {
        String subject = "order " + order.id();
        if (order.certificateSerialKey() != null && order.certificateStatus() == null) {
            problems.add(new ConsistencyProblem("order-certificate-unknown", subject, "names certificate "
                    + order.certificateSerialKey() + ", which has no row"));
        } else if ("VALID".equals(order.status()) && order.certificateSerialKey() == null) {
            problems.add(new ConsistencyProblem("valid-order-without-certificate", subject,
                    "valid but names no certificate"));
        } else if ("VALID".equals(order.status()) && !order.certificateStored()) {
            problems.add(new ConsistencyProblem("valid-order-certificate-not-stored", subject, "valid but certificate "
                    + order.certificateSerialKey() + " is " + order.certificateStatus().toLowerCase(Locale.ROOT)
                    + " with no signed certificate stored"));
        }
        stuck("PROCESSING", order.status(), order.statusChangedAt(), cutoff).ifPresent(detail -> problems.add(
                new ConsistencyProblem("order-stuck-processing", subject, detail)));
    }

    private void checkRequest(RequestRow request, Instant cutoff, List<ConsistencyProblem> problems) {
        String serial = request.certificateSerialKey() == null ? "no serial attached"
                : "serial " + request.certificateSerialKey() + " attached";
        stuck("ISSUING", request.status(), request.statusChangedAt(), cutoff).ifPresent(detail -> problems.add(
                new ConsistencyProblem("request-stuck-issuing", "request " + request.id(), detail + ", " + serial)));
    }

    /**
     * A row still in a passing status after the grace period, past which crash recovery settles it
     * (server.RecoveryTask): younger, its instance may still be at work, so it is no problem.
     *
     * @return the detail, such as {@code processing since T, more than 300 s ago}, or empty
     */
    private Optional<String> stuck(String passing, String status, Instant since, Instant cutoff) {
        return passing.equals(status) && since.isBefore(cutoff)
                ? Optional.of(passing.toLowerCase(Locale.ROOT) + " since " + since + ", more than " + grace.toSeconds()
                        + " s ago")
                : Optional.empty();
    }

    private static void checkCrl(StoredCrl stored, X509CertificateHolder issuer, Set<BigInteger> revoked,
            List<ConsistencyProblem> problems) {
        String subject = "CRL " + stored.number() + " of issuer " + stored.issuerId();
        X509CRLHolder crl;
        try {
            crl = new X509CRLHolder(stored.der());
        } catch (IOException | RuntimeException e) {
            problems.add(new ConsistencyProblem("unparsable-crl", subject, "the stored CRL is not DER X.509"));
            return;
        }
        if (!crl.getIssuer().equals(issuer.getSubject())) {
            problems.add(new ConsistencyProblem("crl-issuer-mismatch", subject, "issued by " + crl.getIssuer()));
        }
        for (Object entry : crl.getRevokedCertificates()) {
            BigInteger serial = ((X509CRLEntryHolder) entry).getSerialNumber();
            if (!revoked.contains(serial)) {
                problems.add(new ConsistencyProblem("crl-entry-not-revoked", subject, "lists serial "
                        + serial.toString(16) + ", which no revoked certificate row holds"));
            }
        }
    }
}
