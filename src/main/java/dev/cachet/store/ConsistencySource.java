package dev.cachet.store;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows the database consistency check reads, as stored, without interpretation, so that a
 * damaged row is reported rather than refused. Certificates, orders and e-mail requests are streamed.
 */
public interface ConsistencySource {

    /**
     * A certificate row.
     *
     * @param serialKey the serial column as stored
     * @param issuerId the issuer column
     * @param status the status column
     * @param createdAt when the serial was reserved
     * @param lintCertificate the DER of the linted certificate
     * @param certificate the DER of the signed certificate, or null
     */
    record CertificateRow(String serialKey, String issuerId, String status, Instant createdAt, byte[] lintCertificate,
            byte[] certificate) {
    }

    /**
     * An ACME order with the certificate row its serial names.
     *
     * @param id the order id
     * @param status the order's status column
     * @param certificateSerialKey the linked serial, or null
     * @param statusChangedAt when the status was last written
     * @param certificateStatus the status of the linked certificate row, or null when there is none
     * @param certificateStored whether that row holds a signed certificate
     */
    record OrderRow(String id, String status, String certificateSerialKey, Instant statusChangedAt,
            String certificateStatus, boolean certificateStored) {
    }

    /**
     * An e-mail validated certificate request.
     *
     * @param id the request id
     * @param status the request's status column
     * @param statusChangedAt when the status was last written
     * @param certificateSerialKey the serial linked to it before signing or on issue, or null
     */
    record RequestRow(String id, String status, Instant statusChangedAt, String certificateSerialKey) {
    }

    /** @return serial keys held by more than one row, letter case ignored */
    List<String> duplicateSerials();

    /**
     * Streams every certificate row, by serial.
     *
     * @param sink receives each row
     */
    void forEachCertificate(Consumer<CertificateRow> sink);

    /**
     * Streams every ACME order, by id.
     *
     * @param sink receives each order
     */
    void forEachOrder(Consumer<OrderRow> sink);

    /**
     * Streams every e-mail validated certificate request, by id.
     *
     * @param sink receives each request
     */
    void forEachRequest(Consumer<RequestRow> sink);
}
