-- The rate limiter deletes the events no limit counts any more (RateLimiter.purgeExpired), oldest
-- first by kind: one index range per kind instead of a scan of the table.
CREATE INDEX acme_rate_events_kind_time ON acme_rate_events (kind, occurred_at);
