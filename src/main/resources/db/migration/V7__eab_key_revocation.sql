-- External account binding keys can be revoked (cachet acme eab revoke): a revoked key binds no
-- new account. NULL while the key is usable. Portable: PostgreSQL 15+ and H2 in PostgreSQL mode.
ALTER TABLE acme_eab_keys ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
