package dev.cachet.verify;

/** The outcome of verifying a certificate, each with a short phrase for people. */
public enum Verdict {
    /** The chain leads to a trust anchor and passes every check. */
    TRUSTED("OK"),
    /** The leaf signed itself and is not among the trust anchors. */
    SELF_SIGNED("self-signed certificate, not trusted"),
    /** The chain ends at a self-signed root that is not among the trust anchors. */
    UNTRUSTED_ROOT("chain ends at a root that is not trusted"),
    /** No certificate with the issuer's name and key is known. */
    UNKNOWN_ISSUER("unknown issuer"),
    /** The issuer is missing but known to be an intermediate, so the chain given is incomplete. */
    INCOMPLETE_CHAIN("incomplete chain, an intermediate is missing"),
    /** A certificate of the chain ended before the verification time. */
    EXPIRED("certificate expired"),
    /** A certificate of the chain starts after the verification time. */
    NOT_YET_VALID("certificate not yet valid"),
    /** The host name or IP address is not among the leaf's subjectAltNames. */
    NAME_MISMATCH("host name does not match"),
    /** A key usage or extended key usage forbids the use asked for. */
    WRONG_KEY_USAGE("wrong key usage"),
    /** A signature does not verify with the issuer's key. */
    BAD_SIGNATURE("bad signature"),
    /** An issuing certificate is not a CA (no basicConstraints cA=TRUE). */
    NOT_A_CA("issuer is not a CA"),
    /** The chain is longer than a CA's path length constraint allows. */
    PATH_TOO_LONG("chain too long"),
    /** A name of the leaf lies outside an issuer's name constraints. */
    NAME_CONSTRAINTS("name outside the issuer's name constraints"),
    /** A signature algorithm or key size is disabled as too weak. */
    WEAK_ALGORITHM("weak algorithm or key size"),
    /** PKIX path validation failed for another reason, such as an unknown critical extension. */
    INVALID("invalid certificate chain");

    private final String phrase;

    Verdict(String phrase) {
        this.phrase = phrase;
    }

    /** @return a short phrase such as {@code certificate expired} */
    public String phrase() {
        return phrase;
    }
}
