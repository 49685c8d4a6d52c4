-- Crash recovery. A reservation (serial and linted TBS recorded before the CA key signs) whose
-- signed certificate was never stored, older than a grace period, is marked UNISSUED: the
-- signature was lost with the process, no client holds the certificate, and the row stays for
-- audit so that its serial is never used again. Portable like V1: PostgreSQL 15+ and H2.
ALTER TABLE certificates DROP CONSTRAINT certificates_status;
ALTER TABLE certificates ADD CONSTRAINT certificates_status
    CHECK (status IN ('RESERVED', 'ISSUED', 'REVOKED', 'UNISSUED'));
-- Finding reservations left behind by a crash, oldest first.
CREATE INDEX certificates_status_created ON certificates (status, created_at);
