CREATE TABLE people (
    id INT PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
INSERT INTO people (id, name) VALUES (1, 'Ann'), (2, 'Bob'), (3, 'Cy');
