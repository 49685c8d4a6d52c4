package dev.cachet.server;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.bouncycastle.cert.X509CertificateHolder;

/** The one page of {@link DemoSite}: which certificate the browser accepted. */
final class DemoPage {

    private DemoPage() {
    }

    /**
     * Writes the page.
     *
     * @param leaf the certificate served
     * @return the HTML
     */
    static String html(X509CertificateHolder leaf) {
        String subject = escape(leaf.getSubject().toString());
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Cachet demo site</title>\n</head>\n<body>\n"
                + "<h1>Cachet demo site</h1>\n"
                + "<p id=\"status\">This page came over HTTPS with a certificate your browser trusts.</p>\n"
                + "<dl>\n<dt>Certificate</dt><dd id=\"subject\">" + subject + "</dd>\n"
                + "<dt>Issued by</dt><dd id=\"issuer\">" + escape(leaf.getIssuer().toString()) + "</dd>\n"
                + "<dt>Valid until</dt><dd>" + LocalDate.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC)
                + "</dd>\n</dl>\n</body>\n</html>\n";
    }

    /** Names come from the certificate, which anyone can write: escaped so they stay text. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
