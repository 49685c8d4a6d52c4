package dev.cachet.lint;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * RFC 5280 §4.1.2.2: the serial is positive and at most 20 octets; BR 7.1: it carries at least 64
 * bits from a CSPRNG, so it must be at least that long.
 */
final class SerialNumberRule implements LintRule {
    private static final int MAX_OCTETS = 20;
    private static final int MIN_BITS = 64;

    @Override
    public String name() {
        return "serial_number";
    }

    @Override
    public Optional<String> check(X509CertificateHolder certificate, LintContext context) {
        BigInteger serial = certificate.getSerialNumber();
        if (serial.signum() <= 0) {
            return Optional.of("the serial number must be positive");
        }
        if (serial.toByteArray().length > MAX_OCTETS) {
            return Optional.of("the serial number is longer than 20 octets");
        }
        if (serial.bitLength() < MIN_BITS) {
            return Optional.of("the serial number has fewer than 64 bits");
        }
        return Optional.empty();
    }
}
