package dev.cachet.server.rest;

import dev.cachet.ca.IssuedCertificate;
import dev.cachet.core.CachetException;
import dev.cachet.core.ErrorType;
import dev.cachet.core.RevocationReason;
import dev.cachet.crypto.PemWriter;
import dev.cachet.enrolment.EnrolmentService;
import dev.cachet.policy.Identifiers;
import dev.cachet.server.http.Json;
import dev.cachet.store.CertificateQuery;
import dev.cachet.store.CertificateRecord;
import dev.cachet.store.CertificateStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CertificateHolder;

/** {@code /api/v1/certificates}: issue, read, search and revoke. */
public final class CertificateRoutes {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,40}");
    private static final int DEFAULT_PAGE = 100;
    private final EnrolmentService enrolment;
    private final BearerTokens tokens;

    /** A request to issue. @param csr the PEM CSR @param profile the profile, or null @param days or null */
    record IssueBody(String csr, String profile, Integer days) {
    }

    /** A request to revoke. @param reason an RFC 5280 reason name, or null for unspecified */
    record RevokeBody(String reason) {
    }

    /** A page of search results. @param items the certificates @param next the cursor of the next page */
    record Page(List<CertificateView> items, String next) {
    }

    /**
     * Creates the routes.
     *
     * @param enrolment the use cases
     * @param tokens authenticates callers
     */
    CertificateRoutes(EnrolmentService enrolment, BearerTokens tokens) {
        this.enrolment = enrolment;
        this.tokens = tokens;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/certificates", this::issue);
        routes.get("/api/v1/certificates", this::search);
        routes.get("/api/v1/certificates/{serial}", this::get);
        routes.post("/api/v1/certificates/{serial}/revoke", this::revoke);
    }

    private void issue(Context ctx) {
        IssueBody body = Json.read(ctx, IssueBody.class);
        IssuedCertificate issued = tokens.issuing(ctx, (token, links) -> enrolment.issue(token, body.csr(),
                body.profile(), body.days() == null ? OptionalInt.empty() : OptionalInt.of(body.days()), links));
        String serial = issued.serial().toString(16);
        ctx.header("Location", "/api/v1/certificates/" + serial);
        Json.write(ctx, 201, Map.of("serial", serial, "certificate", pem(issued.certificate()),
                "chain", chain(issued.chain()), "notAfter", issued.certificate().getNotAfter().toInstant().toString(),
                "profile", body.profile() == null ? enrolment.defaultProfile() : body.profile()));
    }

    private void get(Context ctx) {
        Json.write(ctx, 200, CertificateView.of(enrolment.get(tokens.authenticate(ctx), serial(ctx))));
    }

    private void search(Context ctx) {
        var token = tokens.authenticate(ctx);
        int limit = ctx.queryParam("limit") == null ? DEFAULT_PAGE : integer(ctx.queryParam("limit"), "limit");
        if (limit < 1 || limit > CertificateQuery.MAX_LIMIT) {
            throw new CachetException(ErrorType.MALFORMED, "limit must be between 1 and " + CertificateQuery.MAX_LIMIT);
        }
        CertificateQuery query = new CertificateQuery(Optional.ofNullable(ctx.queryParam("status")).map(this::status),
                Optional.ofNullable(ctx.queryParam("expiresBefore")).map(CertificateRoutes::instant),
                Optional.ofNullable(ctx.queryParam("name")).map(CertificateRoutes::name),
                Optional.ofNullable(ctx.queryParam("after"))
                        .map(CertificateRoutes::parseSerial), limit);
        List<CertificateRecord> records = enrolment.search(token, query);
        String next = records.size() == limit ? records.get(records.size() - 1).serial().toString(16) : null;
        Json.write(ctx, 200, new Page(records.stream().map(CertificateView::of).toList(), next));
    }

    private void revoke(Context ctx) {
        var token = tokens.authenticate(ctx);
        BigInteger serial = serial(ctx);
        RevokeBody body = ctx.bodyAsBytes().length == 0 ? new RevokeBody(null) : Json.read(ctx, RevokeBody.class);
        RevocationReason reason = body.reason() == null ? RevocationReason.UNSPECIFIED
                : RevocationReason.fromRfcName(body.reason()).orElseThrow(() -> new CachetException(
                        ErrorType.MALFORMED, "unknown revocation reason '" + body.reason() + "' (known: "
                                + String.join(", ", Arrays.stream(RevocationReason.values())
                                        .map(RevocationReason::rfcName).toList()) + ")"));
        Json.write(ctx, 200, CertificateView.of(enrolment.revoke(token, serial, reason)));
    }

    private CertificateStatus status(String text) {
        return Arrays.stream(CertificateStatus.values()).filter(s -> CertificateView.statusName(s).equals(text))
                .findFirst().orElseThrow(() -> new CachetException(ErrorType.MALFORMED,
                        "status must be valid, revoked, reserved or unissued"));
    }

    private static BigInteger serial(Context ctx) {
        return parseSerial(ctx.pathParam("serial"));
    }

    private static BigInteger parseSerial(String text) {
        if (!HEX.matcher(text).matches()) {
            throw new CachetException(ErrorType.MALFORMED, "a serial number is 1 to 40 hex digits: '" + text + "'");
        }
        return new BigInteger(text, 16);
    }

    /** The store matches the bare value; the API also takes the typed form it shows, such as dns:example.org. */
    private static String name(String text) {
        return Identifiers.parse(text.strip()).value();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CachetException(ErrorType.MALFORMED, "expiresBefore must be an ISO-8601 instant such as "
                    + "2027-01-01T00:00:00Z", e);
        }
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new CachetException(ErrorType.MALFORMED, name + " must be a number", e);
        }
    }

    private static String pem(X509CertificateHolder certificate) {
        try {
            return PemWriter.encode(PemWriter.CERTIFICATE, certificate.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String chain(List<X509CertificateHolder> chain) {
        StringBuilder pem = new StringBuilder();
        chain.forEach(c -> pem.append(pem(c)));
        return pem.toString();
    }
}
