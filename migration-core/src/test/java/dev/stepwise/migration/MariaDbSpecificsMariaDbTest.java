package dev.stepwise.migration;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What only MySQL and MariaDB have: DELIMITER, compound bodies, backslash escapes. */
@OnDatabase(TestDatabaseType.MARIADB)
class MariaDbSpecificsMariaDbTest extends AbstractEmptyDatabaseTest {

	@Test
	void procedureWithDelimiterAndTriggerWithoutIt() {
		this.scripts.write("V1__routines.sql", """
				CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100), email_changes INT DEFAULT 0);
				# a MySQL comment; with a semicolon
				DELIMITER $$
				CREATE PROCEDURE add_user(IN p_id INT, IN p_email VARCHAR(100))
				BEGIN
				  INSERT INTO users (id, email) VALUES (p_id, p_email);
				  UPDATE users SET email = CONCAT(email, '') WHERE id = p_id;
				END$$
				DELIMITER ;
				CREATE TRIGGER count_email_changes BEFORE UPDATE ON users FOR EACH ROW
				BEGIN
				  IF NEW.email <> OLD.email THEN
				    SET NEW.email_changes = OLD.email_changes + 1;
				  END IF;
				END;
				CALL add_user(1, 'it\\'s@example.com');
				UPDATE users SET email = 'new@example.com' WHERE id = 1;
				""");
		Stepwise.configure().dataSource(this.database.dataSource()).locations(this.scripts.location()).load().migrate();
		assertThat(this.sql.column("SELECT CONCAT(email, ' ', email_changes) FROM users"))
			.containsExactly("new@example.com 1");
	}

}
