package dev.cachet.store.jdbc;

import dev.cachet.store.requests.CertificateRequest;
import dev.cachet.store.requests.CertificateRequestStore;
import dev.cachet.store.requests.DomainStatus;
import dev.cachet.store.requests.DomainValidation;
import dev.cachet.store.requests.OutboxMail;
import dev.cachet.store.requests.RequestStatus;
import dev.cachet.store.requests.ValidatedDomain;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Certificate requests and their domain validations on H2 or PostgreSQL; every status move is a compare-and-set. */
public final class JdbcCertificateRequestStore implements CertificateRequestStore {
    private static final String REQUEST_COLUMNS = "id, status, csr, profile, names, requester, contact,"
            + " key_fingerprint, created_at, status_changed_at, decided_by, reason, certificate_serial";
    private static final String DOMAIN_COLUMNS = "request_id, domain, address, status, method, value_sha256,"
            + " form_key, expires_at, attempts, validated_at";
    private final Jdbc jdbc;
    private final JsonText json = new JsonText();

    /**
     * Creates the store.
     *
     * @param dataSource the pool of a migrated {@link Database}
     */
    public JdbcCertificateRequestStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(CertificateRequest request, List<DomainValidation> domains, List<OutboxMail> mails) {
        jdbc.inTransaction("certificate request " + request.id(), c -> {
            Jdbc.update(c, "INSERT INTO certificate_requests (" + REQUEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?)", request.id(), request.status().name(), request.csrPem(), request.profile(),
                    json.write(request.names()), request.requester(), request.contact(), request.keyFingerprint(),
                    request.createdAt(), request.statusChangedAt(), text(request.decidedBy()), text(request.reason()),
                    Jdbc.nullable(request.certificateSerial().map(SerialKeys::key).orElse(null), Types.VARCHAR));
            List<Object[]> rows = new ArrayList<>();
            for (DomainValidation d : domains) {
                rows.add(new Object[] {d.requestId(), d.domain(), d.address(), d.status().name(), d.method(),
                    text(d.valueSha256()), Jdbc.nullable(d.formKey().orElse(null), Types.VARBINARY), d.expiresAt(),
                    d.attempts(), Jdbc.nullable(d.validatedAt().orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)});
            }
            Jdbc.batch(c, "INSERT INTO request_domains (" + DOMAIN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
            for (OutboxMail mail : mails) {
                JdbcMailOutbox.insert(c, mail);
            }
            return null;
        });
    }

    @Override
    public Optional<CertificateRequest> find(String id) {
        return jdbc.first("certificate request " + id, "SELECT " + REQUEST_COLUMNS
                + " FROM certificate_requests WHERE id = ?", this::request, id);
    }

    @Override
    public List<DomainValidation> domains(String requestId) {
        return jdbc.list("certificate request " + requestId, "SELECT " + DOMAIN_COLUMNS
                + " FROM request_domains WHERE request_id = ? ORDER BY domain", JdbcCertificateRequestStore::domain,
                requestId);
    }

    @Override
    public List<CertificateRequest> list(Optional<RequestStatus> status, int limit) {
        String order = " ORDER BY created_at, id LIMIT " + Math.max(1, limit);
        return status.isPresent()
                ? jdbc.list("certificate requests", "SELECT " + REQUEST_COLUMNS + " FROM certificate_requests"
                        + " WHERE status = ?" + order, this::request, status.get().name())
                : jdbc.list("certificate requests", "SELECT " + REQUEST_COLUMNS + " FROM certificate_requests" + order,
                        this::request);
    }

    @Override
    public boolean transition(String id, RequestStatus from, RequestStatus to, Instant at, String decidedBy,
            String reason) {
        return jdbc.update("certificate request " + id, "UPDATE certificate_requests SET status = ?,"
                + " status_changed_at = ?, decided_by = COALESCE(?, decided_by), reason = COALESCE(?, reason)"
                + " WHERE id = ? AND status = ?", to.name(), at, Jdbc.nullable(decidedBy, Types.VARCHAR),
                Jdbc.nullable(reason, Types.VARCHAR), id, from.name()) == 1;
    }

    @Override
    public boolean attachSerial(String id, BigInteger serial) {
        return jdbc.update("certificate request " + id, "UPDATE certificate_requests SET certificate_serial = ?"
                + " WHERE id = ? AND status = 'ISSUING'", SerialKeys.key(serial), id) == 1;
    }

    @Override
    public boolean recordIssued(String id, BigInteger serial, Instant at) {
        return jdbc.update("certificate request " + id, "UPDATE certificate_requests SET status = 'ISSUED',"
                + " status_changed_at = ?, certificate_serial = ? WHERE id = ? AND status = 'ISSUING'", at,
                SerialKeys.key(serial), id) == 1;
    }

    @Override
    public boolean transitionDomain(String requestId, String domain, DomainStatus from, DomainStatus to,
            Instant at) {
        Object validatedAt = to == DomainStatus.VALIDATED ? at : new Jdbc.Null(Types.TIMESTAMP_WITH_TIMEZONE);
        return jdbc.update("domain " + domain, "UPDATE request_domains SET status = ?,"
                + " validated_at = COALESCE(?, validated_at) WHERE request_id = ? AND domain = ? AND status = ?",
                to.name(), validatedAt, requestId, domain, from.name()) == 1;
    }

    @Override
    public int countFailedAttempt(String requestId, String domain) {
        return jdbc.inTransaction("domain " + domain, c -> {
            Jdbc.update(c, "UPDATE request_domains SET attempts = attempts + 1 WHERE request_id = ? AND domain = ?",
                    requestId, domain);
            return Jdbc.list(c, "SELECT attempts FROM request_domains WHERE request_id = ? AND domain = ?",
                    row -> row.getInt("attempts"), requestId, domain).stream().findFirst().orElse(0);
        });
    }

    @Override
    public void recordValidated(ValidatedDomain v) {
        jdbc.update("validated domain " + v.domain(), "INSERT INTO validated_domains (domain, method, address,"
                + " validated_at, request_id) VALUES (?, ?, ?, ?, ?)", v.domain(), v.method(), v.address(),
                v.validatedAt(), v.requestId());
    }

    @Override
    public Optional<ValidatedDomain> latestValidation(String domain, Instant since) {
        return jdbc.first("validated domain " + domain, "SELECT domain, method, address, validated_at, request_id"
                + " FROM validated_domains WHERE domain = ? AND validated_at >= ? ORDER BY validated_at DESC LIMIT 1",
                row -> new ValidatedDomain(row.getString("domain"), row.getString("method"), row.getString("address"),
                        Jdbc.instant(row, "validated_at"), row.getString("request_id")), domain, since);
    }

    private CertificateRequest request(ResultSet row) throws SQLException {
        return new CertificateRequest(row.getString("id"), RequestStatus.valueOf(row.getString("status")),
                row.getString("csr"), row.getString("profile"), json.readList(row.getString("names")),
                row.getString("requester"), row.getString("contact"), row.getString("key_fingerprint"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "status_changed_at"),
                Optional.ofNullable(row.getString("decided_by")), Optional.ofNullable(row.getString("reason")),
                Optional.ofNullable(row.getString("certificate_serial")).map(SerialKeys::serial));
    }

    private static DomainValidation domain(ResultSet row) throws SQLException {
        return new DomainValidation(row.getString("request_id"), row.getString("domain"), row.getString("address"),
                DomainStatus.valueOf(row.getString("status")), row.getString("method"),
                Optional.ofNullable(row.getString("value_sha256")), Optional.ofNullable(row.getBytes("form_key")),
                Jdbc.instant(row, "expires_at"), row.getInt("attempts"),
                Optional.ofNullable(Jdbc.instant(row, "validated_at")));
    }

    private static Object text(Optional<String> value) {
        return Jdbc.nullable(value.orElse(null), Types.VARCHAR);
    }
}
