package dev.cachet.acme;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The ACME server's policy.
 *
 * @param termsOfService the terms-of-service URL clients must agree to, or null for none
 * @param website a web page about this CA, or null
 * @param caaIdentities the issuer domain names of this CA in CAA records
 * @param externalAccountRequired whether new accounts need external account binding (§7.3.4)
 * @param orderLifetime how long an order stays usable
 * @param pendingAuthorizationLifetime how long a pending authorization waits for its challenge
 * @param authorizationReuse how long a valid authorization may be reused for new orders
 * @param nonceLifetime how long a nonce is accepted
 * @param maxIdentifiers the most identifiers per order
 * @param defaultProfile the profile of orders that name none
 * @param profiles the profiles orders may name (ACME profiles extension): ACME name to certificate profile
 * @param profileDescriptions the directory's {@code meta.profiles}: ACME name to description
 */
public record AcmeSettings(String termsOfService, String website, List<String> caaIdentities,
        boolean externalAccountRequired, Duration orderLifetime, Duration pendingAuthorizationLifetime,
        Duration authorizationReuse, Duration nonceLifetime, int maxIdentifiers, String defaultProfile,
        java.util.Map<String, String> profiles, java.util.Map<String, String> profileDescriptions) {

    /** Checks and copies the fields. */
    public AcmeSettings {
        caaIdentities = List.copyOf(caaIdentities);
        profiles = java.util.Map.copyOf(profiles);
        profileDescriptions = java.util.Map.copyOf(profileDescriptions);
        Objects.requireNonNull(defaultProfile, "defaultProfile");
    }
}
