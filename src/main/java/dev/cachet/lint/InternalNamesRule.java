package dev.cachet.lint;

import dev.cachet.core.Identifier;
import dev.cachet.policy.PublicSuffixes;
import dev.cachet.validation.net.TargetPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A publicly trusted certificate names no Internal Name and no Reserved IP Address (BR 7.1.4.2,
 * definitions in BR 1.6.1): no single label, no name under a top-level label the root zone does
 * not delegate, none under the special-use names of RFC 6761 ({@code .test}, {@code .localhost},
 * {@code .invalid}, {@code .example}), RFC 6762 ({@code .local}), RFC 7686 ({@code .onion}),
 * RFC 8375 ({@code home.arpa}) or {@code .internal}, and no address of the IANA special-purpose
 * registries.
 */
final class InternalNamesRule implements LintRule {

    @Override
    public String name() {
        return "internal_names";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        if (!context.publicTrust()) {
            return Optional.empty();
        }
        for (Identifier name : Sans.identifiers(certificate)) {
            Optional<String> problem = problem(name);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(Identifier name) {
        if (name.type() == Identifier.Type.IP) {
            try {
                return TargetPolicy.specialPurpose(InetAddress.getByName(name.value()))
                        .map(kind -> name.value() + " is a reserved (" + kind + ") address");
            } catch (UnknownHostException e) {
                return Optional.of(name.value() + " is no IP address");
            }
        }
        if (name.type() != Identifier.Type.DNS) {
            return Optional.empty();
        }
        Optional<String> reserved = TargetPolicy.reservedSuffix(name.value());
        if (reserved.isPresent()) {
            return Optional.of(name.value() + " is an internal name (under ." + reserved.get() + ")");
        }
        if (!PublicSuffixes.hasIcannSuffix(name.value())) {
            return Optional.of(name.value() + " is an internal name (no public top-level domain)");
        }
        return Optional.empty();
    }
}
