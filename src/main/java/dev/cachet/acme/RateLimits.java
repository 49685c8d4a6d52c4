package dev.cachet.acme;

/**
 * The ACME rate limits (RFC 8555 §6.6), as Let's Encrypt has them; 0 turns a limit off.
 *
 * @param newOrdersPerAccountPerHour new orders one account may create in any hour
 * @param certificatesPerDomainPerWeek certificates issued in any 7 days for names under one
 *     registered domain (or for one IP address); renewals are exempt but count
 * @param failedValidationsPerAccountPerHostPerHour invalid challenges for one identifier and account
 *     in any hour, after which new orders for that identifier are refused
 * @param newAccountsPerIpPerHour new accounts from one client IP address in any hour
 */
public record RateLimits(int newOrdersPerAccountPerHour, int certificatesPerDomainPerWeek,
        int failedValidationsPerAccountPerHostPerHour, int newAccountsPerIpPerHour) {

    /** Checks that no limit is negative. */
    public RateLimits {
        if (newOrdersPerAccountPerHour < 0 || certificatesPerDomainPerWeek < 0
                || failedValidationsPerAccountPerHostPerHour < 0 || newAccountsPerIpPerHour < 0) {
            throw new IllegalArgumentException("a rate limit is 0 (off) or more");
        }
    }
}
