package dev.cachet.server;

/**
 * The ACME rate limits ({@code acme.rateLimits.*}); 0 turns a limit off.
 *
 * @param newOrdersPerAccountPerHour new orders per account in any hour
 * @param certificatesPerDomainPerWeek certificates per registered domain (or IP address) in any 7 days
 * @param failedValidationsPerAccountPerHostPerHour invalid challenges per account and identifier in any hour
 * @param newAccountsPerIpPerHour new accounts per client IP address in any hour
 * @param trustForwardedFor whether the client address is the last one in {@code X-Forwarded-For}
 *     (behind a proxy that appends it) rather than the connection's remote address
 */
public record RateLimitsConfig(int newOrdersPerAccountPerHour, int certificatesPerDomainPerWeek,
        int failedValidationsPerAccountPerHostPerHour, int newAccountsPerIpPerHour, boolean trustForwardedFor) {
}
