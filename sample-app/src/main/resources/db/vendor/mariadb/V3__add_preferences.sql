ALTER TABLE users ADD COLUMN preferences JSON;
