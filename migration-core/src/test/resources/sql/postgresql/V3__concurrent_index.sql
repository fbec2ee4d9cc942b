-- stepwise:no-transaction
-- CREATE INDEX CONCURRENTLY refuses a transaction, so this whole script runs without one.
CREATE INDEX CONCURRENTLY account_owner_idx ON account (owner);
VACUUM ANALYZE account;
