package dev.cachet.validation;

import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.Identifier;
import dev.cachet.validation.net.Connector;
import dev.cachet.validation.net.DnsClient;
import dev.cachet.validation.net.Hosts;
import dev.cachet.validation.net.TargetPolicy;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The validation authority in this process: checks the request, refuses identifiers that are not
 * public targets (unless {@code allowPrivateTargets}), hands the challenge to
 * {@link Http01Validator}, {@link Dns01Validator} or {@link TlsAlpn01Validator}, and CAA to
 * {@link CaaChecker}. Every failure is a {@link CachetException}: anything else thrown by a
 * validator (a bug) becomes an {@code INTERNAL} one.
 */
public final class LocalValidationAuthority implements ValidationAuthority {
    /** http-01 (RFC 8555 §8.3). */
    public static final String HTTP_01 = "http-01";
    /** dns-01 (RFC 8555 §8.4). */
    public static final String DNS_01 = "dns-01";
    /** tls-alpn-01 (RFC 8737). */
    public static final String TLS_ALPN_01 = "tls-alpn-01";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final TargetPolicy policy;
    private final Http01Validator http01;
    private final Dns01Validator dns01;
    private final TlsAlpn01Validator tlsAlpn01;
    private final CaaChecker caa;

    /**
     * Creates the authority with a dnsjava client on the configured resolvers.
     *
     * @param settings how to reach the world
     */
    public LocalValidationAuthority(ValidationSettings settings) {
        this(settings, new DnsClient(settings.resolvers()));
    }

    /**
     * Creates the authority with a given DNS client.
     *
     * @param settings how to reach the world
     * @param dns the DNS client
     */
    public LocalValidationAuthority(ValidationSettings settings, DnsClient dns) {
        this(settings, dns, new Connector(dns, new TargetPolicy(settings.allowPrivateTargets())));
    }

    /**
     * Creates the authority with given collaborators.
     *
     * @param settings how to reach the world
     * @param dns the DNS client (dns-01, CAA)
     * @param connector resolves, checks and connects (http-01, tls-alpn-01); its policy also checks
     *     identifiers
     */
    public LocalValidationAuthority(ValidationSettings settings, DnsClient dns, Connector connector) {
        Objects.requireNonNull(settings, "settings");
        this.policy = connector.policy();
        this.http01 = new Http01Validator(settings, connector);
        this.dns01 = new Dns01Validator(settings, dns);
        this.tlsAlpn01 = new TlsAlpn01Validator(settings, connector);
        this.caa = new CaaChecker(dns, settings.caaIdentities(), settings.timeout());
    }

    @Override
    public List<ValidationRecord> validate(ValidationRequest request) {
        checkRequest(request);
        Identifier identifier = request.identifier();
        String type = request.challengeType();
        if (identifier.isWildcard() && !DNS_01.equals(type)) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "a wildcard name can only be validated with "
                    + "dns-01 (RFC 8555 §7.1.3), not " + type);
        }
        if (identifier.type() == Identifier.Type.IP && DNS_01.equals(type)) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "dns-01 cannot validate an IP address "
                    + "(RFC 8738 §7): use http-01 or tls-alpn-01 for " + identifier.value());
        }
        return guarded(() -> switch (type) {
            case HTTP_01 -> http01.validate(request);
            case DNS_01 -> dns01.validate(request);
            case TLS_ALPN_01 -> tlsAlpn01.validate(request);
            default -> throw new CachetException(ErrorType.MALFORMED, "unsupported challenge type '" + type + "'");
        });
    }

    @Override
    public void checkCaa(Identifier identifier, String accountUri, String validationMethod) {
        guarded(() -> {
            caa.check(identifier, accountUri, validationMethod);
            return null;
        });
    }

    private void checkRequest(ValidationRequest request) {
        if (!TOKEN.matcher(request.token()).matches()) {
            throw new CachetException(ErrorType.MALFORMED, "the challenge token is not base64url");
        }
        if (!request.keyAuthorization().startsWith(request.token() + ".")) {
            throw new CachetException(ErrorType.MALFORMED, "the key authorization does not start with the token");
        }
        Identifier identifier = request.identifier();
        switch (identifier.type()) {
            case DNS -> policy.checkName(identifier.value(), ErrorType.REJECTED_IDENTIFIER);
            case IP -> policy.checkAddress(address(identifier), ErrorType.REJECTED_IDENTIFIER);
            default -> throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "ACME validates DNS names and IP "
                    + "addresses, not " + identifier);
        }
    }

    private static InetAddress address(Identifier identifier) {
        try {
            return Hosts.parseIp(identifier.value());
        } catch (IllegalArgumentException e) {
            throw new CachetException(ErrorType.REJECTED_IDENTIFIER, "'" + identifier.value()
                    + "' is not an IP address", e);
        }
    }

    private static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (CachetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CachetException(ErrorType.INTERNAL, "validation failed unexpectedly: " + e, e);
        }
    }
}
