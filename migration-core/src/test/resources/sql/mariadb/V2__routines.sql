# Stored programs, with and without DELIMITER.
/*!40101 SET NAMES utf8mb4 */;
CREATE TABLE account (
    id INT PRIMARY KEY,
    `owner name` VARCHAR(100) NOT NULL,
    balance DECIMAL(10, 2) NOT NULL DEFAULT 0,
    flagged INT NOT NULL DEFAULT 0
);
CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(200));

INSERT INTO account (id, `owner name`) VALUES (1, 'O\'Brien; Pat'), (2, "Smith \"Jr\"");

DELIMITER $$
CREATE PROCEDURE deposit(IN account_id INT, IN amount DECIMAL(10, 2))
BEGIN
    IF amount <= 0 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'amount must be positive;';
    END IF;
    UPDATE account SET balance = balance + amount WHERE id = account_id;
END$$
DELIMITER ;

-- A trigger without DELIMITER: BEGIN ... END, IF ... END IF, CASE ... END inside.
CREATE TRIGGER account_bu BEFORE UPDATE ON account
FOR EACH ROW
BEGIN
    IF NEW.balance > 100 THEN
        SET NEW.flagged = IF(NEW.balance > 1000, 2, 1);
    ELSEIF NEW.balance < 0 THEN
        SET NEW.balance = 0;
    END IF;
    INSERT INTO audit (note)
        VALUES (CONCAT('balance; ', OLD.balance, ' -> ', NEW.balance,
                       CASE WHEN NEW.flagged > 0 THEN ' flagged' ELSE '' END));
END;

CREATE TRIGGER account_bi BEFORE INSERT ON account FOR EACH ROW
IF NEW.balance < 0 THEN SET NEW.balance = 0; END IF;

CREATE DEFINER = CURRENT_USER FUNCTION repeat_count(n INT) RETURNS INT DETERMINISTIC
BEGIN
    DECLARE i INT DEFAULT 0;
    counting: LOOP
        SET i = i + 1;
        IF i >= n THEN LEAVE counting; END IF;
    END LOOP counting;
    WHILE i < n * 2 DO SET i = i + 1; END WHILE;
    RETURN i;
END;

BEGIN NOT ATOMIC
    DECLARE total INT DEFAULT 0;
    FOR r IN (SELECT id FROM account) DO
        SET total = total + r.id;
    END FOR;
    INSERT INTO audit (note) VALUES (CONCAT('ids add up to ', total));
END;

CALL deposit(1, 60);
CALL deposit(1, 50)
