-- Public keys never certified again: the SHA-256 of the DER SubjectPublicKeyInfo (lower-case hex),
-- added by every revocation for keyCompromise (BR 4.9.1.1, 6.1.1.3). Keys listed in the file of
-- policy.blockedKeysFile are read at start and are not stored here.
CREATE TABLE blocked_keys (
    spki_sha256 VARCHAR(64)   NOT NULL,
    source      VARCHAR(1000) NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT blocked_keys_pk PRIMARY KEY (spki_sha256),
    CONSTRAINT blocked_keys_hash_form CHECK (LENGTH(spki_sha256) = 64)
);
