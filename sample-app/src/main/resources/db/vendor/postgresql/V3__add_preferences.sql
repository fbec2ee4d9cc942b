-- JSONB: indexed, binary JSON on PostgreSQL.
ALTER TABLE users ADD COLUMN preferences JSONB;
