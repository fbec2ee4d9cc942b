CREATE TABLE extra (id INT);
