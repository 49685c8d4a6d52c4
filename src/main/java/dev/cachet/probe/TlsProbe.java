package dev.cachet.probe;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.validation.net.TrustAllTls;
import dev.cachet.verify.CertificateNames;
import dev.cachet.verify.ChainVerifier;
import dev.cachet.verify.VerificationRequest;
import dev.cachet.verify.VerificationResult;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * Connects to a TLS server, completes the handshake accepting any certificate (so that an untrusted
 * chain can still be shown), then verifies the chain it sent against the given roots and host. A
 * server that cannot be reached, stalls or does not speak TLS fails with one line
 * ({@link ErrorType#CONNECTION} or {@link ErrorType#TLS}).
 */
public final class TlsProbe {
    private final ChainVerifier verifier;
    private final Duration timeout;

    /**
     * Creates a probe.
     *
     * @param clock the time to verify at
     * @param timeout how long the connection and, separately, the handshake may take
     */
    public TlsProbe(Clock clock, Duration timeout) {
        this.verifier = new ChainVerifier(clock);
        this.timeout = timeout;
    }

    /**
     * Probes a server.
     *
     * @param target the server
     * @param trustAnchors the trusted roots
     * @return the handshake's outcome and the verdict on the chain
     */
    public ProbeResult probe(ProbeTarget target, List<X509Certificate> trustAnchors) {
        try (Socket socket = connect(target); SSLSocket tls = handshake(socket, target)) {
            SSLSession session = tls.getSession();
            List<X509Certificate> sent = new ArrayList<>();
            for (Certificate certificate : session.getPeerCertificates()) {
                sent.add((X509Certificate) certificate);
            }
            VerificationResult verification = verifier.verify(VerificationRequest.of(sent.get(0),
                    sent.subList(1, sent.size()), trustAnchors).withHost(target.checkedName()));
            return new ProbeResult(target, session.getProtocol(), session.getCipherSuite(), sent, verification,
                    orderProblem(sent));
        } catch (IOException e) {
            throw new CachetException(ErrorType.CONNECTION, target.authority() + ": " + e.getMessage(), e);
        }
    }

    private Socket connect(ProbeTarget target) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target.host(), target.port()), millis());
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new CachetException(ErrorType.CONNECTION, target.authority() + ": " + connectFailure(e), e);
        }
    }

    private SSLSocket handshake(Socket socket, ProbeTarget target) {
        try {
            return TrustAllTls.handshake(socket, target.sniName().orElse(null), List.of(), millis());
        } catch (SocketTimeoutException e) {
            throw new CachetException(ErrorType.TLS, target.authority() + ": timeout, the server accepted the "
                    + "connection but sent no TLS handshake within " + timeout.toSeconds() + " s", e);
        } catch (SSLException e) {
            throw new CachetException(ErrorType.TLS, target.authority() + ": " + tlsFailure(e), e);
        } catch (IOException e) {
            String why = e instanceof EOFException ? "the server closed the connection" : e.getMessage();
            throw new CachetException(ErrorType.TLS, target.authority() + ": TLS handshake failed (" + why + ")", e);
        }
    }

    private static String connectFailure(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            return "connection refused, no server listens on this port";
        }
        if (e instanceof SocketTimeoutException) {
            return "timeout, no answer to the connection";
        }
        return "cannot connect (" + e.getMessage() + ")";
    }

    private static String tlsFailure(SSLException e) {
        String message = String.valueOf(e.getMessage());
        // The JDK's words for a first record that is not TLS: an HTTP, SSH or SMTP server.
        if (message.contains("Unsupported or unrecognized SSL message") || message.contains("plaintext")) {
            return "not a TLS server, it answered with something else than a TLS handshake";
        }
        if (message.contains("Remote host terminated") || e.getCause() instanceof EOFException) {
            return "TLS handshake failed, the server closed the connection";
        }
        return "TLS handshake failed (" + message.replaceAll("\\p{Cntrl}", " ") + ")";
    }

    /** RFC 8446 §4.4.2: each certificate after the first should certify the one before it. */
    private static Optional<String> orderProblem(List<X509Certificate> sent) {
        for (int i = 1; i < sent.size(); i++) {
            X509Certificate issued = sent.get(i - 1);
            X509Certificate next = sent.get(i);
            if (!issued.getIssuerX500Principal().equals(next.getSubjectX500Principal())) {
                return Optional.of("the server sent the chain out of order: certificate " + (i + 1) + " ("
                        + CertificateNames.label(next) + ") does not certify certificate " + i + " ("
                        + CertificateNames.label(issued) + "); send the leaf, then its issuer, and so on");
            }
        }
        return Optional.empty();
    }

    private int millis() {
        return (int) Math.max(1, timeout.toMillis());
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket that never connected: nothing to release.
        }
    }
}
