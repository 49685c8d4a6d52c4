package dev.cachet.validation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.validation.net.Connector;
import dev.cachet.validation.net.Deadline;
import dev.cachet.validation.net.Hosts;
import dev.cachet.validation.net.TrustAllTls;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * tls-alpn-01 (RFC 8737 §3): a TLS connection to the tls-alpn-01 port with SNI = the name (for an
 * IP identifier, its reverse-mapping name, RFC 8738 §6) offering only the ALPN protocol
 * {@code acme-tls/1}. Any certificate is accepted by the TLS layer; then the server must have
 * chosen {@code acme-tls/1}, and its certificate must be the validation certificate that
 * {@link AcmeTlsCertificate} checks. Connections go to the first IPv6 address, then the first IPv4
 * address ({@link Connector}).
 */
public final class TlsAlpn01Validator {
    /** The ALPN protocol of RFC 8737 §6.2. */
    public static final String ACME_TLS_1 = "acme-tls/1";

    private final ValidationSettings settings;
    private final Connector connector;

    /**
     * Creates the validator.
     *
     * @param settings the port and timeout
     * @param connector resolves, checks and connects
     */
    public TlsAlpn01Validator(ValidationSettings settings, Connector connector) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /**
     * Connects and checks the validation certificate.
     *
     * @param request the challenge; the identifier is a DNS name (not a wildcard) or an IP address
     * @return one record naming the address connected to
     * @throws CachetException of type {@code DNS}, {@code CONNECTION}, {@code TLS} or {@code INCORRECT_RESPONSE}
     */
    public List<ValidationRecord> validate(ValidationRequest request) {
        Deadline deadline = Deadline.after(settings.timeout());
        Identifier identifier = request.identifier();
        String host = identifier.value();
        boolean ip = identifier.type() == Identifier.Type.IP;
        InetAddress address = ip ? Hosts.parseIp(host) : null;
        String serverName = ip ? Hosts.reverseName(address) : host;
        int port = settings.tlsAlpn01Port();
        Connector.Connection connection = connector.connect(host, port, deadline);
        String at = Hosts.withPort(connection.usedText(), port) + " (SNI " + serverName + ")";
        X509Certificate certificate;
        SSLSocket tls = null;
        try (Deadline.Guard guard = deadline.guard(connection.socket())) {
            tls = TrustAllTls.handshake(connection.socket(), serverName, List.of(ACME_TLS_1),
                    deadline.remainingMillis());
            String protocol = tls.getApplicationProtocol();
            if (!ACME_TLS_1.equals(protocol)) {
                throw new CachetException(ErrorType.TLS, at + ": the server did not negotiate the ALPN protocol "
                        + ACME_TLS_1 + (protocol == null || protocol.isEmpty() ? "" : " but " + protocol));
            }
            Certificate[] chain = tls.getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                throw new CachetException(ErrorType.TLS, at + ": the server sent no X.509 certificate");
            }
            certificate = (X509Certificate) chain[0];
        } catch (SSLException e) {
            throw new CachetException(deadline.expired() ? ErrorType.CONNECTION : ErrorType.TLS, at + ": "
                    + (deadline.expired() ? "timeout during the TLS handshake" : "TLS error: " + e.getMessage()), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CachetException(ErrorType.CONNECTION, at + ": " + (deadline.expired()
                    ? "timeout after connect (your server may be slow or overloaded)" : e.getMessage()), e);
        } finally {
            Deadline.closeQuietly(tls);
            Deadline.closeQuietly(connection.socket());
        }
        AcmeTlsCertificate.check(certificate, identifier, address, Digests.sha256(request.keyAuthorization()), at);
        return List.of(new ValidationRecord(host, port, null, connection.resolvedText(), connection.usedText()));
    }
}
