package dev.cachet.probe;

import dev.cachet.verify.VerificationResult;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a probe found.
 *
 * @param target the server probed
 * @param protocol the negotiated protocol, such as {@code TLSv1.3}
 * @param cipher the negotiated cipher suite, such as {@code TLS_AES_128_GCM_SHA256}
 * @param sent the certificates the server sent, in the order it sent them
 * @param verification the verdict on that chain
 * @param orderProblem why the chain is out of order, when it is
 */
public record ProbeResult(ProbeTarget target, String protocol, String cipher, List<X509Certificate> sent,
        VerificationResult verification, Optional<String> orderProblem) {

    /** Checks the fields and copies the chain. */
    public ProbeResult {
        Objects.requireNonNull(target, "target");
        sent = List.copyOf(sent);
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(orderProblem, "orderProblem");
    }

    /** @return the verdict: a failed verification first, else a chain out of order, else trusted */
    public ProbeVerdict verdict() {
        if (!verification.trusted()) {
            return ProbeVerdict.of(verification.verdict());
        }
        return orderProblem.isPresent() ? ProbeVerdict.WRONG_ORDER : ProbeVerdict.TRUSTED;
    }

    /** @return the verdict in one line, such as {@code self-signed: self-signed certificate, not trusted (...)} */
    public String verdictLine() {
        ProbeVerdict verdict = verdict();
        String reason = verdict == ProbeVerdict.WRONG_ORDER ? orderProblem.get() : verification.message();
        return verdict.id() + ": " + reason;
    }
}
