package dev.cachet.server;

import java.util.List;
import java.util.Map;

/**
 * The ACME server's configuration ({@code acme.*}).
 *
 * @param termsOfService the terms-of-service URL, or null
 * @param website a web page about the CA, or null
 * @param caaIdentities CAA issuer domain names of this CA; empty for the host of publicUrl
 * @param externalAccountRequired whether new accounts need external account binding
 * @param orderLifetimeHours how long orders live
 * @param pendingAuthorizationHours how long pending authorizations wait
 * @param authorizationReuseHours how long valid authorizations are reused
 * @param maxIdentifiers the most identifiers per order
 * @param defaultProfile the ACME profile of orders naming none
 * @param profiles ACME profile name to certificate profile
 * @param rateLimits the rate limits
 */
public record AcmeConfig(String termsOfService, String website, List<String> caaIdentities,
        boolean externalAccountRequired, int orderLifetimeHours, int pendingAuthorizationHours,
        int authorizationReuseHours, int maxIdentifiers, String defaultProfile, Map<String, String> profiles,
        RateLimitsConfig rateLimits) {

    /** Copies the collections. */
    public AcmeConfig {
        caaIdentities = caaIdentities == null ? List.of() : List.copyOf(caaIdentities);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    }
}
