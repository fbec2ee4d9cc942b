CREATE TABLE span (id INT PRIMARY KEY, begin INT, end INT, length INT);
-- end and begin are column names here, not the END and BEGIN of the body.
CREATE TRIGGER span_bi BEFORE INSERT ON span FOR EACH ROW BEGIN
    SET NEW.end = NEW.begin + NEW.length;
    IF NEW.end > 100 THEN SET NEW.end = 100; END IF;
END;
INSERT INTO span (id, begin, length) VALUES (1, 5, 10), (2, 95, 10);
CREATE PROCEDURE widen() BEGIN
    UPDATE span SET end = end + 1 WHERE begin > 0;
END;
CALL widen();
-- Compound statements outside stored programs (MariaDB 10.1 and later).
SET @n = 0;
IF (SELECT COUNT(*) FROM span) = 2 THEN INSERT INTO span (id, begin, length) VALUES (3, 0, 1); END IF;
WHILE @n < 2 DO SET @n = @n + 1; INSERT INTO span (id, begin, length) VALUES (10 + @n, @n, 1); END WHILE;
REPEAT SET @n = @n + 1; UNTIL @n >= 4 END REPEAT;
FOR i IN 1..2 DO INSERT INTO span (id, begin, length) VALUES (20 + i, i, 2); END FOR;
CASE @n WHEN 4 THEN INSERT INTO span (id, begin, length) VALUES (30, 4, 4); ELSE DO 0; END CASE;
