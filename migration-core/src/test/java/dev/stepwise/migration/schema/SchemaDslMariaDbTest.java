package dev.stepwise.migration.schema;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@OnDatabase(TestDatabaseType.MARIADB)
class SchemaDslMariaDbTest extends AbstractSchemaDslTest {

	@Test
	void onlineAlgorithmsArePlanned() throws SQLException {
		Schema schema = schema().addColumn("t", Column.of("c", Type.integer()))
			.renameColumn("t", "c", "d")
			.setDefault("t", "d", "1")
			.dropDefault("t", "d")
			.dropColumn("t", "d")
			.addIndex("t", "t_e_idx", "e")
			.addUnique("t", "t_f_key", "f");

		assertThat(schema.statements()).extracting(SchemaStatement::sql).containsExactly(
				"ALTER TABLE `t` ADD COLUMN `c` INTEGER, ALGORITHM=INSTANT",
				"ALTER TABLE `t` RENAME COLUMN `c` TO `d`, ALGORITHM=INSTANT",
				"ALTER TABLE `t` ALTER COLUMN `d` SET DEFAULT 1, ALGORITHM=INSTANT",
				"ALTER TABLE `t` ALTER COLUMN `d` DROP DEFAULT, ALGORITHM=INSTANT",
				"ALTER TABLE `t` DROP COLUMN `d`, ALGORITHM=INSTANT",
				"ALTER TABLE `t` ADD INDEX `t_e_idx` (`e`), ALGORITHM=INPLACE, LOCK=NONE",
				"ALTER TABLE `t` ADD CONSTRAINT `t_f_key` UNIQUE (`f`), ALGORITHM=INPLACE, LOCK=NONE");
	}

	@Test
	void anAlgorithmTheServerRefusesFallsBackToItsDefault() throws SQLException {
		// InnoDB cannot add a column instantly to a compressed table, nor drop an indexed one.
		execute("CREATE TABLE compressed (id INT PRIMARY KEY, code INT, KEY compressed_code_idx (code))"
				+ " ROW_FORMAT=COMPRESSED");

		schema().addColumn("compressed", Column.of("extra", Type.integer())).dropColumn("compressed", "code").apply();

		assertThat(this.runner.executed()).containsExactly(
				"ALTER TABLE `compressed` ADD COLUMN `extra` INTEGER, ALGORITHM=INSTANT",
				"ALTER TABLE `compressed` ADD COLUMN `extra` INTEGER",
				"ALTER TABLE `compressed` DROP COLUMN `code`, ALGORITHM=INSTANT",
				"ALTER TABLE `compressed` DROP COLUMN `code`");
		assertThat(nullable("compressed")).containsOnlyKeys("id", "extra");
	}

	@Test
	void modifyColumnKeepsWhatItDoesNotChange() throws SQLException {
		execute("CREATE TABLE described (id INT PRIMARY KEY,"
				+ " label VARCHAR(40) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT 'x' COMMENT 'it''s a label',"
				+ " doc JSON)");
		String before = definition("label");

		schema().setNotNull("described", "label").setNotNull("described", "doc").apply();

		assertThat(definition("label")).isEqualTo(before.replace("nullable=YES", "nullable=NO"));
		assertThat(nullable("described")).containsEntry("doc", false);
		assertThat(count("SELECT COUNT(*) FROM information_schema.CHECK_CONSTRAINTS"
				+ " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'described' AND CHECK_CLAUSE LIKE '%json_valid%'"))
			.isEqualTo(1);
	}

	private String definition(String column) throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement("SELECT COLUMN_TYPE, CHARACTER_SET_NAME,"
				+ " COLLATION_NAME, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_COMMENT FROM information_schema.COLUMNS"
				+ " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'described' AND COLUMN_NAME = ?")) {
			query.setString(1, column);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " nullable="
						+ result.getString(4) + " default=" + result.getString(5) + " comment=" + result.getString(6);
			}
		}
	}

}
