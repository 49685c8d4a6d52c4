-- ACME state (RFC 8555): accounts, orders, authorizations, challenges, nonces, EAB keys.
-- Portable like V1: PostgreSQL 15+ and H2 in PostgreSQL mode. Ids are random URL-safe strings made
-- by the caller. Status columns hold the enum constant names. JSON columns are text.

-- Accounts; one per key. contact is a JSON array of URLs.
CREATE TABLE acme_accounts (
    id             VARCHAR(64)  NOT NULL,
    key_thumbprint VARCHAR(128) NOT NULL,
    jwk            VARCHAR      NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    contact        VARCHAR      NOT NULL,
    terms_agreed   BOOLEAN      NOT NULL,
    eab_key_id     VARCHAR(200),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT acme_accounts_pk PRIMARY KEY (id),
    CONSTRAINT acme_accounts_key UNIQUE (key_thumbprint),
    CONSTRAINT acme_accounts_status CHECK (status IN ('VALID', 'DEACTIVATED', 'REVOKED'))
);

-- Orders. identifiers is a JSON array of {type, value}; error a JSON problem document.
-- certificate_serial is 40 hex digits like certificates.serial. status_changed_at is when the
-- store last wrote the status, for finding orders stuck in PROCESSING.
CREATE TABLE acme_orders (
    id                 VARCHAR(64)  NOT NULL,
    account_id         VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    identifiers        VARCHAR      NOT NULL,
    expires            TIMESTAMP WITH TIME ZONE NOT NULL,
    not_before         TIMESTAMP WITH TIME ZONE,
    not_after          TIMESTAMP WITH TIME ZONE,
    profile            VARCHAR(100) NOT NULL,
    replaces           VARCHAR(1000),
    certificate_serial VARCHAR(40),
    error              VARCHAR,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT acme_orders_pk PRIMARY KEY (id),
    CONSTRAINT acme_orders_status CHECK (status IN ('PENDING', 'READY', 'PROCESSING', 'VALID', 'INVALID'))
);
-- An account's orders, paged by id.
CREATE INDEX acme_orders_account ON acme_orders (account_id, id);
-- Recovery of orders stuck in PROCESSING.
CREATE INDEX acme_orders_status_changed ON acme_orders (status, status_changed_at);

-- Authorizations. identifier_type is DNS, IP or EMAIL; identifier_value has no '*.'.
CREATE TABLE acme_authorizations (
    id               VARCHAR(64)   NOT NULL,
    account_id       VARCHAR(64)   NOT NULL,
    identifier_type  VARCHAR(8)    NOT NULL,
    identifier_value VARCHAR(1000) NOT NULL,
    wildcard         BOOLEAN       NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    expires          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT acme_authorizations_pk PRIMARY KEY (id),
    CONSTRAINT acme_authorizations_status CHECK (status IN ('PENDING', 'VALID', 'INVALID', 'DEACTIVATED',
        'EXPIRED', 'REVOKED'))
);
-- Reuse of a valid authorization for a new order of the same account.
CREATE INDEX acme_authorizations_reuse ON acme_authorizations (account_id, identifier_type, identifier_value,
    wildcard, status, expires);

-- The authorizations of an order, one per identifier in the order of the identifiers; new or reused.
CREATE TABLE acme_order_authorizations (
    order_id         VARCHAR(64) NOT NULL,
    ordinal          INTEGER     NOT NULL,
    authorization_id VARCHAR(64) NOT NULL,
    CONSTRAINT acme_order_authorizations_pk PRIMARY KEY (order_id, ordinal),
    CONSTRAINT acme_order_authorizations_order FOREIGN KEY (order_id) REFERENCES acme_orders (id),
    CONSTRAINT acme_order_authorizations_authorization FOREIGN KEY (authorization_id)
        REFERENCES acme_authorizations (id)
);
CREATE INDEX acme_order_authorizations_authorization ON acme_order_authorizations (authorization_id);

-- Challenges, in the order they are offered. error is a JSON problem document; validation_records
-- is JSON text kept as given.
CREATE TABLE acme_challenges (
    id                 VARCHAR(64)  NOT NULL,
    authorization_id   VARCHAR(64)  NOT NULL,
    ordinal            INTEGER      NOT NULL,
    type               VARCHAR(32)  NOT NULL,
    token              VARCHAR(128) NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    validated          TIMESTAMP WITH TIME ZONE,
    error              VARCHAR,
    validation_records VARCHAR,
    CONSTRAINT acme_challenges_pk PRIMARY KEY (id),
    CONSTRAINT acme_challenges_authorization FOREIGN KEY (authorization_id) REFERENCES acme_authorizations (id),
    CONSTRAINT acme_challenges_ordinal UNIQUE (authorization_id, ordinal),
    CONSTRAINT acme_challenges_status CHECK (status IN ('PENDING', 'PROCESSING', 'VALID', 'INVALID'))
);

-- Replay nonces, shared by all instances; redeeming deletes the row.
CREATE TABLE acme_nonces (
    nonce   VARCHAR(128) NOT NULL,
    expires TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT acme_nonces_pk PRIMARY KEY (nonce)
);
CREATE INDEX acme_nonces_expires ON acme_nonces (expires);

-- External account binding keys; each binds one account.
CREATE TABLE acme_eab_keys (
    key_id           VARCHAR(200) NOT NULL,
    hmac_key         BYTEA        NOT NULL,
    name             VARCHAR(200),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    bound_account_id VARCHAR(64),
    CONSTRAINT acme_eab_keys_pk PRIMARY KEY (key_id)
);
