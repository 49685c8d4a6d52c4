package dev.cachet.acme.jws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import java.io.IOException;
import java.text.ParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request body in the flattened JWS JSON serialization (RFC 7515 §7.2.2), the only one RFC 8555
 * §6.2 allows: exactly {@code protected}, {@code payload} and {@code signature}; no unprotected
 * header.
 */
public final class FlattenedJws {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("protected", "payload", "signature");
    /** RFC 7515 §2: base64url without padding. */
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    private FlattenedJws() {
    }

    /**
     * Parses a body.
     *
     * @param body the request body
     * @return the JWS, signature not yet checked
     */
    public static JWSObject parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw malformed("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the body is not a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw malformed("unexpected field '" + name + "' (RFC 8555 §6.2: flattened JWS only, no "
                        + "unprotected header)");
            }
        }
        try {
            return new JWSObject(part(root, "protected"), part(root, "payload"), part(root, "signature"));
        } catch (ParseException e) {
            refuseAlgorithm(root.get("protected").asText());
            throw malformed("the protected header is not a valid JWS header: " + e.getMessage());
        }
    }

    /**
     * Nimbus does not parse a header whose {@code alg} is {@code none} or not a signature algorithm;
     * RFC 8555 §6.2 asks for badSignatureAlgorithm then, not malformed.
     */
    private static void refuseAlgorithm(String protectedPart) {
        JsonNode alg;
        try {
            alg = JSON.readTree(new Base64URL(protectedPart).decode()).get("alg");
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (alg != null && alg.isTextual() && !JwsVerification.ALGORITHMS.contains(JWSAlgorithm.parse(alg.asText()))) {
            throw new CachetException(ErrorType.BAD_SIGNATURE_ALGORITHM, "JWS algorithm " + alg.asText()
                    + " is not accepted (RS256, ES256, ES384, EdDSA)");
        }
    }

    private static Base64URL part(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isTextual()) {
            throw malformed("the JWS has no '" + name + "' string");
        }
        String text = node.asText();
        if (!BASE64URL.matcher(text).matches()) {
            throw malformed("'" + name + "' is not base64url without padding");
        }
        if ("protected".equals(name) && text.isEmpty() || "signature".equals(name) && text.isEmpty()) {
            throw malformed("'" + name + "' is empty");
        }
        return new Base64URL(text);
    }

    private static CachetException malformed(String detail) {
        return new CachetException(ErrorType.MALFORMED, detail);
    }
}
