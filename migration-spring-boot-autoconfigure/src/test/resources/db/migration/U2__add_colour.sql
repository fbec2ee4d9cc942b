DELETE FROM things WHERE id = 1;
ALTER TABLE things DROP COLUMN colour;
