package dev.cachet.validation;

import java.util.List;

/**
 * What a validation looked at, kept for audit and shown in the challenge (as Boulder does).
 *
 * @param hostname the name queried or connected to
 * @param port the port, 0 for DNS
 * @param url the URL fetched (http-01), or null
 * @param addressesResolved the addresses the name resolved to
 * @param addressUsed the address connected to, or null
 */
public record ValidationRecord(String hostname, int port, String url, List<String> addressesResolved,
        String addressUsed) {

    /** Copies the addresses. */
    public ValidationRecord {
        addressesResolved = List.copyOf(addressesResolved);
    }
}
