package dev.cachet.validation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value of a CAA {@code issue} or {@code issuewild} property (RFC 8659 §4.2):
 * {@code [issuer-domain-name] [";" parameters]}, where each parameter is {@code tag=value}. An
 * empty issuer domain name (the value {@code ";"}) names no CA. Parameters that this class knows:
 * {@code accounturi} (RFC 8657 §3) and {@code validationmethods} (RFC 8657 §4); others are kept
 * and ignored.
 *
 * @param issuerDomain the issuer domain name in lower case, empty when none is named
 * @param parameters the parameters by tag in lower case
 */
record CaaIssueValue(String issuerDomain, Map<String, String> parameters) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](-*[A-Za-z0-9])*");
    private static final Pattern TAG = LABEL;
    private static final Pattern VALUE = Pattern.compile("[\\x21-\\x3a\\x3c-\\x7e]*");

    /** Copies the parameters. */
    CaaIssueValue {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses a property value.
     *
     * @param value the value as found in DNS
     * @return the parsed value, empty when it does not follow the grammar (then it authorizes no one)
     */
    static Optional<CaaIssueValue> parse(String value) {
        int semicolon = value.indexOf(';');
        String domain = stripWsp(semicolon < 0 ? value : value.substring(0, semicolon));
        if (!domain.isEmpty() && !validDomain(domain)) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (semicolon >= 0) {
            for (String part : value.substring(semicolon + 1).split(";", -1)) {
                String parameter = stripWsp(part);
                if (parameter.isEmpty()) {
                    continue;
                }
                int equals = parameter.indexOf('=');
                if (equals <= 0) {
                    return Optional.empty();
                }
                String tag = stripWsp(parameter.substring(0, equals));
                String text = stripWsp(parameter.substring(equals + 1));
                if (!TAG.matcher(tag).matches() || !VALUE.matcher(text).matches()
                        || parameters.put(tag.toLowerCase(Locale.ROOT), text) != null) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new CaaIssueValue(domain.toLowerCase(Locale.ROOT), parameters));
    }

    /**
     * Tells whether this value lets an account issue.
     *
     * @param accountUri the ACME account URL, or null
     * @param validationMethod the challenge type used, or null
     * @return whether the {@code accounturi} and {@code validationmethods} parameters, where present, match
     */
    boolean allows(String accountUri, String validationMethod) {
        String account = parameters.get("accounturi");
        if (account != null && !account.equals(accountUri)) {
            return false;
        }
        String methods = parameters.get("validationmethods");
        if (methods != null) {
            for (String method : methods.split(",", -1)) {
                if (method.equals(validationMethod)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean validDomain(String domain) {
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Strips the WSP of RFC 5234 (space and tab), and nothing else. */
    private static String stripWsp(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }
}
