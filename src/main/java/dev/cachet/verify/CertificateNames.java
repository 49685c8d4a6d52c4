package dev.cachet.verify;

import dev.cachet.csr.SubjectNames;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Names certificates in one-line messages. Names come from untrusted certificates, so control
 * characters are replaced and long names cut, keeping every message on one line.
 */
public final class CertificateNames {
    private static final int MAX_LENGTH = 100;

    private CertificateNames() {
    }

    /**
     * Names a certificate for a message.
     *
     * @param certificate the certificate
     * @return {@code CN=example.org}, else the whole subject, else its serial number
     */
    public static String label(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal()).map(cn -> "CN=" + cn)
                .orElseGet(() -> subjectOrSerial(certificate));
    }

    /**
     * Names a certificate briefly, for a list such as a chain.
     *
     * @param certificate the certificate
     * @return {@code example.org}, else the whole subject, else its serial number
     */
    public static String shortName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal()).orElseGet(() -> subjectOrSerial(certificate));
    }

    /**
     * Names a chain briefly.
     *
     * @param chain certificates, leaf first
     * @return such as {@code example.org <- Example CA <- Example Root CA}
     */
    public static String chain(List<X509Certificate> chain) {
        return chain.stream().map(CertificateNames::shortName).collect(Collectors.joining(" <- "));
    }

    /**
     * Writes a distinguished name for a message.
     *
     * @param name a subject or issuer name
     * @return the RFC 4514 form, such as {@code CN=Example CA,O=Example}
     */
    public static String distinguishedName(X500Principal name) {
        return clean(name.getName(X500Principal.RFC2253));
    }

    private static Optional<String> commonName(X500Principal name) {
        return SubjectNames.commonName(X500Name.getInstance(name.getEncoded())).map(CertificateNames::clean);
    }

    private static String subjectOrSerial(X509Certificate certificate) {
        String subject = distinguishedName(certificate.getSubjectX500Principal());
        return subject.isEmpty() ? "serial " + certificate.getSerialNumber().toString(16) : subject;
    }

    /** Makes a name from a certificate safe for a one-line message: no control characters, not too long. */
    static String clean(String text) {
        String line = oneLine(text);
        return line.codePointCount(0, line.length()) > MAX_LENGTH
                ? line.substring(0, line.offsetByCodePoints(0, MAX_LENGTH)) + "..." : line;
    }

    /**
     * Replaces control characters, line breaks included, so that a text stays on one line, and
     * format characters such as bidirectional overrides, which could make a terminal show another name.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return out.toString();
    }
}
