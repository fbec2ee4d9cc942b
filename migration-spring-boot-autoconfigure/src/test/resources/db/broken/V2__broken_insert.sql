INSERT INTO gadgets (id, missing_column) VALUES (1, 2);
