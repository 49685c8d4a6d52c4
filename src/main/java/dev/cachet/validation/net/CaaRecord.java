package dev.cachet.validation.net;

import java.util.Objects;

/**
 * One CAA resource record (RFC 8659 §4.1).
 *
 * @param flags the flags octet; bit 128 is Issuer Critical
 * @param tag the property tag, such as {@code issue}, as found (tags compare case-insensitively)
 * @param value the property value, decoded as UTF-8
 */
public record CaaRecord(int flags, String tag, String value) {

    /** The Issuer Critical flag (RFC 8659 §4.1). */
    public static final int CRITICAL = 128;

    /** Checks the fields are present. */
    public CaaRecord {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
    }

    /** @return whether the Issuer Critical flag is set */
    public boolean critical() {
        return (flags & CRITICAL) != 0;
    }
}
