ALTER TABLE things ADD COLUMN colour VARCHAR(20);
INSERT INTO things (id, name, colour) VALUES (1, 'kettle', 'red');
