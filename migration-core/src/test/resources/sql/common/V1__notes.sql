-- A script every database runs: the statements split the same way everywhere.
/* The header comment; it has a semicolon. */
CREATE TABLE note (
    id INT PRIMARY KEY, -- the key; no semicolon ends here
    body VARCHAR(200)
);

INSERT INTO note (id, body) VALUES (1, 'semi;colon');
INSERT INTO note (id, body) VALUES (2, 'it''s -- not a comment');
INSERT INTO note (id, body) VALUES (3, '/* not a comment either; */');
INSERT INTO note (id, body)
    /* a comment inside; the statement */
    VALUES (4, 'line one;
line two');
;
-- comment only; not a statement
UPDATE note SET body = CONCAT(body, '!') WHERE id = 1
