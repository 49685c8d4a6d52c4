package dev.cachet.cli;

import dev.cachet.core.Identifier;
import dev.cachet.policy.Identifiers;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks a host to verify: a DNS name or an IP address (IPv6 possibly in brackets), never a
 * wildcard, which is a pattern in a certificate and not a host (RFC 6125 §6.4.3). The host is kept
 * as typed, for messages; the matcher normalises it.
 */
final class HostConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        String bare = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        String relative = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        Identifier host = Identifiers.parseHost(relative).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a DNS name or IP address"));
        if (host.isWildcard()) {
            throw new TypeConversionException("'" + value + "' is a wildcard; give the host name to check");
        }
        return value;
    }
}
