package dev.cachet.probe;

import dev.cachet.verify.Verdict;

/** What a probe concludes about the chain a server sent, in the words a TLS client would use. */
public enum ProbeVerdict {
    /** The chain leads to a trusted root, is valid now and names the host. */
    TRUSTED("trusted"),
    /** The server sent a certificate that signed itself and is not trusted. */
    SELF_SIGNED("self-signed"),
    /** The chain leads to a root, or an issuer, that is not trusted (Chromium: ERR_CERT_AUTHORITY_INVALID). */
    UNKNOWN_ISSUER("unknown issuer"),
    /** The server left out an intermediate. */
    INCOMPLETE_CHAIN("incomplete chain"),
    /** A certificate of the chain has expired, or is not valid yet. */
    EXPIRED("expired"),
    /** The certificate does not name the host. */
    NAME_MISMATCH("name mismatch"),
    /**
     * The chain is trusted but not sent in order: each certificate should certify the one before it
     * (RFC 8446 §4.4.2; a MUST in TLS 1.2, RFC 5246 §7.4.2), and strict clients refuse it otherwise.
     */
    WRONG_ORDER("wrong order"),
    /** The chain fails for another reason (key usage, signature, CA rights...): the message says which. */
    INVALID("invalid chain");

    private final String id;

    ProbeVerdict(String id) {
        this.id = id;
    }

    /** @return the verdict as printed, such as {@code self-signed} */
    public String id() {
        return id;
    }

    /**
     * Translates a verification verdict.
     *
     * @param verdict the verdict of {@link dev.cachet.verify.ChainVerifier}
     * @return the probe verdict
     */
    public static ProbeVerdict of(Verdict verdict) {
        switch (verdict) {
            case TRUSTED:
                return TRUSTED;
            case SELF_SIGNED:
                return SELF_SIGNED;
            case UNKNOWN_ISSUER:
            case UNTRUSTED_ROOT:
                return UNKNOWN_ISSUER;
            case INCOMPLETE_CHAIN:
                return INCOMPLETE_CHAIN;
            case EXPIRED:
            case NOT_YET_VALID:
                return EXPIRED;
            case NAME_MISMATCH:
                return NAME_MISMATCH;
            default:
                return INVALID;
        }
    }
}
