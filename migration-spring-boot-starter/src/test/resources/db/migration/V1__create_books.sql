CREATE TABLE books (
    id BIGINT PRIMARY KEY,
    title VARCHAR(200) NOT NULL
);
INSERT INTO books (id, title) VALUES (1, 'Refactoring Databases');
