-- A column that no entity maps: Hibernate's create-drop would lose it, and the seeded row.
ALTER TABLE books ADD COLUMN author VARCHAR(200);
UPDATE books SET author = 'Ambler' WHERE id = 1;
