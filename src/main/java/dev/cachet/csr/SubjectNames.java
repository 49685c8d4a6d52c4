package dev.cachet.csr;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Distinguished names: parsing them as people type them and printing them as RFC 4514 strings. */
public final class SubjectNames {

    private SubjectNames() {
    }

    /**
     * Parses a distinguished name written as in RFC 4514 ({@code CN=example.org,O=Example,C=BE},
     * most specific first) or in OpenSSL's slash form ({@code /C=BE/O=Example/CN=example.org}).
     *
     * @param text the name
     * @return the name, encoded in the usual order (country first)
     */
    public static X500Name parse(String text) {
        String rfc4514 = text.startsWith("/") ? fromSlashForm(text) : text;
        try {
            return X500Name.getInstance(new X500Principal(rfc4514).getEncoded());
        } catch (IllegalArgumentException e) {
            throw new CachetException(ErrorType.MALFORMED, "invalid subject '" + text
                    + "': expected a name such as CN=example.org,O=Example,C=BE", e);
        }
    }

    /**
     * Prints a name the way RFC 4514 writes it, most specific first.
     *
     * @param name the name
     * @return such as {@code CN=example.org,O=Example,C=BE}, or an empty string for an empty name
     */
    public static String format(X500Name name) {
        try {
            return new X500Principal(name.getEncoded("DER")).getName(X500Principal.RFC2253);
        } catch (IOException | IllegalArgumentException e) {
            return name.toString();
        }
    }

    /**
     * Reads the common name.
     *
     * @param name a distinguished name
     * @return the first CN, or empty when there is none
     */
    public static Optional<String> commonName(X500Name name) {
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length == 0 || rdns[0].getFirst() == null) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    private static String fromSlashForm(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.substring(1).split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        Collections.reverse(parts);
        return String.join(",", parts);
    }
}
