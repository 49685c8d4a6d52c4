package dev.cachet.verify;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a certification path from a leaf up to a trust anchor (RFC 4158 in its simplest form):
 * at each step the issuer is looked for among the trust anchors first, then among the untrusted
 * certificates, by name and key identifier, and must have signed the certificate. Building it
 * ourselves, rather than with the JDK's builder, tells which link is missing or broken.
 */
final class PathBuilder {
    /** Real chains have two to four certificates; a longer one is a loop or an attack. */
    static final int MAX_LENGTH = 10;

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> untrusted;
    private final List<X509Certificate> path = new ArrayList<>();

    PathBuilder(List<X509Certificate> anchors, List<X509Certificate> untrusted) {
        this.anchors = List.copyOf(anchors);
        this.untrusted = List.copyOf(untrusted);
    }

    /**
     * Builds the path.
     *
     * @param leaf the certificate to verify
     * @return the certificates from the leaf to the trust anchor, both included
     * @throws Rejection when no issuer, or no trusted one, is found
     */
    List<X509Certificate> build(X509Certificate leaf) throws Rejection {
        path.clear();
        path.add(leaf);
        X509Certificate current = leaf;
        while (!anchors.contains(current)) {
            if (path.size() >= MAX_LENGTH) {
                throw new Rejection(Verdict.PATH_TOO_LONG, ": more than " + MAX_LENGTH
                        + " certificates without reaching a trust anchor", current);
            }
            current = issuerOf(current);
            path.add(current);
        }
        return List.copyOf(path);
    }

    /** @return the path as far as it was built, leaf first */
    List<X509Certificate> path() {
        return List.copyOf(path);
    }

    private X509Certificate issuerOf(X509Certificate certificate) throws Rejection {
        List<X509Certificate> candidates = candidates(certificate);
        for (X509Certificate candidate : candidates) {
            if (IssuerMatch.signedBy(certificate, candidate)) {
                return candidate;
            }
        }
        if (IssuerMatch.isSelfSigned(certificate)) {
            throw path.size() == 1 ? new Rejection(Verdict.SELF_SIGNED, "", certificate)
                    : new Rejection(Verdict.UNTRUSTED_ROOT, "", certificate);
        }
        if (!candidates.isEmpty() || IssuerMatch.isSelfIssued(certificate)) {
            throw new Rejection(Verdict.BAD_SIGNATURE, ": not signed by the key of its issuer "
                    + CertificateNames.distinguishedName(certificate.getIssuerX500Principal()), certificate);
        }
        throw MissingIssuer.diagnose(certificate, known());
    }

    /** Trust anchors first, so that a root sent along with the chain is taken as the trusted one. */
    private List<X509Certificate> candidates(X509Certificate certificate) {
        List<X509Certificate> candidates = new ArrayList<>();
        for (X509Certificate candidate : known()) {
            if (!path.contains(candidate) && !candidates.contains(candidate)
                    && IssuerMatch.mayHaveIssued(candidate, certificate)) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    private List<X509Certificate> known() {
        List<X509Certificate> known = new ArrayList<>(anchors);
        known.addAll(untrusted);
        return known;
    }
}
