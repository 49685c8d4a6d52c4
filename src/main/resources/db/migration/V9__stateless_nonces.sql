-- ACME nonces are issued without the database (NonceService): each carries its expiry and an HMAC
-- under a key shared by all instances through acme_nonce_key. Redeeming one inserts its random id
-- into acme_used_nonces, whose primary key makes it single-use (RFC 8555 §6.5) across instances.
DROP TABLE acme_nonces;

CREATE TABLE acme_nonce_key (
    id       INTEGER     NOT NULL,
    hmac_key VARCHAR(64) NOT NULL,
    CONSTRAINT acme_nonce_key_pk PRIMARY KEY (id)
);

CREATE TABLE acme_used_nonces (
    nonce_id VARCHAR(32)              NOT NULL,
    expires  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT acme_used_nonces_pk PRIMARY KEY (nonce_id)
);
CREATE INDEX acme_used_nonces_expires ON acme_used_nonces (expires);
