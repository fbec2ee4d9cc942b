-- The new flag and its values from existing data, in one transaction where the database
-- allows it: no user is ever seen unverified because the backfill had not run yet.
ALTER TABLE users ADD COLUMN verified BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE users SET verified = TRUE WHERE email_confirmed_at IS NOT NULL;
