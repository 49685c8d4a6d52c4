package dev.cachet.ca;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the names of a leaf certificate from a request: the subjectAltNames, and a common
 * name that, for TLS servers, is always one of them (BR 7.1.4.3).
 *
 * @param subjectAltNames the names for the subjectAltName extension, without duplicates
 * @param commonName the subject CN, or empty for an empty subject
 */
record LeafNames(List<Identifier> subjectAltNames, Optional<String> commonName) {
    /** A certificate with more names than this is a sign of abuse (Let's Encrypt allows 100). */
    static final int MAX_NAMES = 100;
    /** RFC 5280 Appendix A: ub-common-name. */
    private static final int MAX_CN_LENGTH = 64;

    static LeafNames of(IssuanceRequest request) {
        Set<Identifier> names = new LinkedHashSet<>(request.names());
        Profile profile = request.profile();
        Optional<String> commonName = request.commonName().filter(cn -> !cn.isBlank());
        if (profile.isServer() && commonName.isPresent()) {
            Identifier host = Identifiers.parseHost(commonName.get()).orElseThrow(() -> new CachetException(
                    ErrorType.REJECTED_IDENTIFIER, "the common name '" + request.commonName().get()
                            + "' is not a host name; a TLS server certificate names hosts only"));
            List<Identifier> ordered = new ArrayList<>();
            ordered.add(host);
            ordered.addAll(names);
            names = new LinkedHashSet<>(ordered);
            commonName = Optional.of(host.value());
        }
        check(profile, names);
        if (commonName.isEmpty() && profile.isServer()) {
            commonName = names.stream().map(Identifier::value).filter(v -> v.length() <= MAX_CN_LENGTH).findFirst();
        }
        if (commonName.isPresent() && commonName.get().length() > MAX_CN_LENGTH) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "the common name is longer than 64 characters");
        }
        return new LeafNames(List.copyOf(names), commonName);
    }

    private static void check(Profile profile, Set<Identifier> names) {
        if (names.size() > MAX_NAMES) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER,
                    "too many names (" + names.size() + "; at most " + MAX_NAMES + ")");
        }
        if (!profile.requiresHostNames()) {
            return;
        }
        if (names.isEmpty()) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER,
                    "no DNS name or IP address to certify (profile " + profile.name() + " needs at least one)");
        }
        for (Identifier name : names) {
            if (name.type() == Identifier.Type.EMAIL) {
                // BR 7.1.2.7.12: a TLS server certificate holds only dNSName and iPAddress.
                throw new CachetException(ErrorType.REJECTED_IDENTIFIER,
                        "e-mail address " + name.value() + " is not allowed in a TLS server certificate");
            }
        }
    }
}
