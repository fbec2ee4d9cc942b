package dev.stepwise.migration.schema;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class SchemaDslPostgresTest extends AbstractSchemaDslTest {

	@Test
	void safePathsPlanConcurrentIndexesAndNotValidConstraints() throws SQLException {
		schema().createTable("pg_users", (table) -> table.id("id").column("email", Type.text()))
			.createTable("pg_orders", (table) -> table.id("id").column("user_id", Type.bigint()))
			.apply();
		execute("INSERT INTO pg_users (email) VALUES ('ada@example.com')");
		execute("INSERT INTO pg_orders (user_id) VALUES (1)");

		Schema schema = schema().addIndex("pg_orders", "pg_orders_user_idx", "user_id")
			.addForeignKey("pg_orders", "pg_orders_user_fk", ForeignKey.from("user_id").references("pg_users", "id"))
			.addCheck("pg_orders", "pg_orders_user_check", "user_id > 0")
			.setNotNull("pg_users", "email")
			.addUnique("pg_users", "pg_users_email_key", "email");

		assertThat(schema.statements()).containsExactly(
				outside("CREATE INDEX CONCURRENTLY \"pg_orders_user_idx\" ON \"pg_orders\" (\"user_id\")"),
				inside("ALTER TABLE \"pg_orders\" ADD CONSTRAINT \"pg_orders_user_fk\" FOREIGN KEY (\"user_id\")"
						+ " REFERENCES \"pg_users\" (\"id\") NOT VALID"),
				outside("ALTER TABLE \"pg_orders\" VALIDATE CONSTRAINT \"pg_orders_user_fk\""),
				inside("ALTER TABLE \"pg_orders\" ADD CONSTRAINT \"pg_orders_user_check\" CHECK (user_id > 0) NOT VALID"),
				outside("ALTER TABLE \"pg_orders\" VALIDATE CONSTRAINT \"pg_orders_user_check\""),
				inside("ALTER TABLE \"pg_users\" ADD CONSTRAINT \"pg_users_email_nn_check\" CHECK (\"email\" IS NOT NULL)"
						+ " NOT VALID"),
				outside("ALTER TABLE \"pg_users\" VALIDATE CONSTRAINT \"pg_users_email_nn_check\""),
				inside("ALTER TABLE \"pg_users\" ALTER COLUMN \"email\" SET NOT NULL"),
				inside("ALTER TABLE \"pg_users\" DROP CONSTRAINT \"pg_users_email_nn_check\""),
				outside("CREATE UNIQUE INDEX CONCURRENTLY \"pg_users_email_key\" ON \"pg_users\" (\"email\")"),
				inside("ALTER TABLE \"pg_users\" ADD CONSTRAINT \"pg_users_email_key\" UNIQUE USING INDEX"
						+ " \"pg_users_email_key\""));

		schema.apply();

		assertThat(strings("SELECT conname || ' ' || convalidated FROM pg_constraint"
				+ " WHERE conrelid IN ('pg_orders'::regclass, 'pg_users'::regclass) AND contype IN ('f', 'c', 'u')"
				+ " ORDER BY conname")).containsExactly("pg_orders_user_check true", "pg_orders_user_fk true",
						"pg_users_email_key true");
		assertThat(strings("SELECT c.relname || ' ' || i.indisvalid FROM pg_index i JOIN pg_class c"
				+ " ON c.oid = i.indexrelid WHERE c.relname IN ('pg_orders_user_idx', 'pg_users_email_key')"
				+ " ORDER BY 1")).containsExactly("pg_orders_user_idx true", "pg_users_email_key true");
		assertThat(nullable("pg_users")).containsEntry("email", false);
	}

	@Test
	void aFailedUniqueIndexLeavesNoInvalidIndexBehind() throws SQLException {
		schema().createTable("pg_dupes", (table) -> table.id("id").column("code", Type.text())).apply();
		execute("INSERT INTO pg_dupes (code) VALUES ('a'), ('a')");

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> schema().addUniqueIndex("pg_dupes", "pg_dupes_code_key", "code").apply())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("23505"));

		assertThat(strings("SELECT relname FROM pg_class WHERE relname = 'pg_dupes_code_key'")).isEmpty();
	}

	@Test
	void anInvalidIndexLeftByAnEarlierFailureIsDroppedAndRebuilt() throws SQLException {
		schema().createTable("pg_codes", (table) -> table.id("id").column("code", Type.text())).apply();
		execute("INSERT INTO pg_codes (code) VALUES ('a'), ('a')");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("CREATE UNIQUE INDEX CONCURRENTLY pg_codes_code_key ON pg_codes (code)"));
		assertThat(strings("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'pg_codes_code_key'::regclass"))
			.containsExactly("false");
		execute("DELETE FROM pg_codes WHERE id = 2");

		schema().addUniqueIndex("pg_codes", "pg_codes_code_key", "code").apply();

		assertThat(this.runner.executed()).containsSubsequence("DROP INDEX CONCURRENTLY \"pg_codes_code_key\"",
				"CREATE UNIQUE INDEX CONCURRENTLY \"pg_codes_code_key\" ON \"pg_codes\" (\"code\")");
		assertThat(strings("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'pg_codes_code_key'::regclass"))
			.containsExactly("true");
	}

	@Test
	void aFailedValidationLeavesNoUnvalidatedConstraintBehind() throws SQLException {
		schema().createTable("pg_loose", (table) -> table.id("id").column("amount", Type.integer())).apply();
		execute("INSERT INTO pg_loose (amount) VALUES (NULL), (-1)");

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> schema().setNotNull("pg_loose", "amount").apply());
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> schema().addCheck("pg_loose", "pg_loose_amount_check", "amount >= 0").apply());

		assertThat(strings("SELECT conname FROM pg_constraint WHERE conrelid = 'pg_loose'::regclass"
				+ " AND contype = 'c'")).isEmpty();
		assertThat(nullable("pg_loose")).containsEntry("amount", true);
	}

	@Test
	void theDefaultRunnerRefusesAConcurrentIndexInsideATransaction() throws SQLException {
		schema().createTable("pg_tx", (table) -> table.id("id").column("code", Type.text())).apply();
		this.connection.setAutoCommit(false);
		try {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> Schema.on(this.connection, type()).addIndex("pg_tx", "pg_tx_code_idx", "code").apply())
				.withMessageContaining("must run outside a transaction")
				.withMessageContaining("auto-commit");
		}
		finally {
			this.connection.rollback();
			this.connection.setAutoCommit(true);
		}
	}

	private List<String> strings(String sql) throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement(sql); ResultSet result = query.executeQuery()) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

	private static SchemaStatement inside(String sql) {
		return new SchemaStatement(sql, true);
	}

	private static SchemaStatement outside(String sql) {
		return new SchemaStatement(sql, false);
	}

}
