package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.backfill.TableRows;
import dev.stepwise.migration.testsupport.CatalogSnapshot;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What expand and contract do with the old column's indexes, unique constraints and
 * default, once for every database, checked through the catalogue.
 */
abstract class AbstractExpandIndexesIntegrationTest {

	static final MigrationVersion V2 = MigrationVersion.parse("2");

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	@BeforeEach
	void useDatabase(TestDatabase database) {
		this.database = database;
	}

	DataSource dataSource() {
		return this.database.dataSource();
	}

	DatabaseType type() {
		return DatabaseType.valueOf(this.database.type().name());
	}

	Expansions expansions() {
		return new Expansions(dataSource(), type(), EngineSettings.defaults(dataSource()))
			.targetBatchDuration(Duration.ofMillis(5));
	}

	/** The table's facts in the catalogue: columns, keys, indexes and constraints. */
	List<String> facts(String table) throws SQLException {
		String stored = (type() == DatabaseType.H2) ? table.toUpperCase(Locale.ROOT) : table;
		try (Connection connection = dataSource().getConnection()) {
			return CatalogSnapshot.take(connection, this.database.type())
				.facts()
				.stream()
				.filter((fact) -> fact.equals("table " + stored) || fact.contains(" " + stored + ".")
						|| fact.startsWith("primary key " + stored + " "))
				.toList();
		}
	}

	/** The facts without column positions: an old column that comes back comes back last. */
	static List<String> withoutPositions(List<String> facts) {
		return facts.stream().map((fact) -> fact.replaceAll(" #[0-9]+ ", " ")).sorted().toList();
	}

	/** Facts of indexes and unique constraints that name the column (in any case). */
	static List<String> indexFacts(List<String> facts, String column) {
		Predicate<String> names = (fact) -> fact.toLowerCase(Locale.ROOT).contains(column);
		return facts.stream()
			.filter((fact) -> fact.startsWith("index ") || fact.startsWith("unique constraint "))
			.filter(names)
			.toList();
	}

	/** The facts as they are once {@code from} is called {@code to}, in names and columns alike. */
	static List<String> renamed(List<String> facts, String from, String to) {
		return facts.stream()
			.map((fact) -> fact.replace(from, to).replace(from.toUpperCase(Locale.ROOT), to.toUpperCase(Locale.ROOT)))
			.toList();
	}

	/** The facts as they are once the column {@code from} is called {@code to}, index names unchanged. */
	static List<String> columnRenamed(List<String> facts, String from, String to) {
		return facts.stream().map((fact) -> {
			int columns = fact.startsWith("index ") ? fact.indexOf('[') : fact.lastIndexOf(' ');
			return fact.substring(0, columns) + renamed(List.of(fact.substring(columns)), from, to).get(0);
		}).toList();
	}

	/** The default the catalogue reports for the column, as its fact spells it. */
	static String defaultOf(List<String> facts, String table, String column) {
		return facts.stream()
			.filter((fact) -> fact.toLowerCase(Locale.ROOT).startsWith("column " + table + "." + column + " "))
			.map((fact) -> fact.substring(fact.indexOf(" default=") + 1, fact.indexOf(" auto=")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No column " + table + "." + column + " in " + facts));
	}

	/** Writes the column as a backfill does, with the sync triggers' copy off, so only its own indexes apply. */
	void writeAlone(String sql) throws SQLException {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			try {
				statement.execute(switch (type()) {
					case POSTGRESQL -> "SET LOCAL stepwise.backfill = 'on'";
					case MYSQL, MARIADB -> "SET @stepwise_backfill = 1";
					case H2 -> "SET @STEPWISE_BACKFILL = TRUE";
				});
				statement.executeUpdate(sql);
				connection.commit();
			}
			finally {
				connection.rollback();
				if (type() != DatabaseType.POSTGRESQL) {
					statement.execute(type().isMySqlFamily() ? "SET @stepwise_backfill = NULL" : "SET @STEPWISE_BACKFILL = NULL");
				}
				connection.setAutoCommit(true);
			}
		}
	}

	/**
	 * A unique constraint on the column, a unique index that holds it first, an index of
	 * two columns that holds it second, and a default.
	 */
	void createAccounts(String table) throws SQLException {
		TableRows.execute(dataSource(),
				"CREATE TABLE " + table + " (id INT PRIMARY KEY, email VARCHAR(100) DEFAULT 'nobody@example.com',"
						+ " tenant INT, CONSTRAINT " + table + "_email_key UNIQUE (email))",
				"CREATE INDEX " + table + "_tenant_email_idx ON " + table + " (tenant, email)",
				"CREATE UNIQUE INDEX " + table + "_email_tenant_uq ON " + table + " (email, tenant)",
				"CREATE INDEX " + table + "_tenant_idx ON " + table + " (tenant)",
				"INSERT INTO " + table + " (id, email, tenant) VALUES (1, 'a@example.com', 1), (2, 'b@example.com', 1),"
						+ " (3, NULL, 2), (4, 'd@example.com', 2)");
	}

	/**
	 * Creates the accounts table and expands {@code email} to {@code email_address} with the
	 * backfill left to run in the background.
	 * @return the copies of the email indexes, which the backfill builds when it finishes
	 */
	List<String> expandEmailInBackground(String table, Expansions expansions) throws SQLException {
		createAccounts(table);
		List<String> copies = renamed(indexFacts(facts(table), "email"), "email", "email_address");
		expansions.expand(ColumnChange.renameColumn(table, "email", "email_address").backfillInBackground(), V2);
		return copies;
	}

	@Test
	void renameCarriesIndexesUniqueConstraintsAndTheDefaultThroughEveryPhase() throws SQLException {
		String table = "accounts_ix";
		createAccounts(table);
		List<String> before = facts(table);
		List<String> oldIndexes = indexFacts(before, "email");
		assertThat(oldIndexes).as("the catalogue's view of the old indexes").hasSizeGreaterThanOrEqualTo(3);
		List<String> copies = renamed(oldIndexes, "email", "email_address");
		Expansions expansions = expansions();

		expansions.expand(ColumnChange.renameColumn(table, "email", "email_address"), V2);
		List<String> expanded = facts(table);
		assertThat(expanded).containsAll(oldIndexes).containsAll(copies);
		assertThat(expanded).as("the index that does not hold the column").containsAll(indexFacts(before, "tenant_idx"));
		assertThat(defaultOf(expanded, table, "email")).isEqualTo(defaultOf(before, table, "email"));
		assertThat(defaultOf(expanded, table, "email_address")).as("no default while both columns live")
			.isEqualToIgnoringCase("default=null");
		assertThatExceptionOfType(SQLException.class).as("the copy of the unique constraint")
			.isThrownBy(() -> writeAlone("UPDATE " + table + " SET email_address = 'a@example.com' WHERE id = 2"));
		TableRows.execute(dataSource(), "INSERT INTO " + table + " (id, tenant) VALUES (5, 3)");
		assertThat(TableRows.query(dataSource(), "SELECT email, email_address FROM " + table + " WHERE id = 5"))
			.as("old code's insert takes the old column's default, and the new column its copy")
			.containsExactly(List.of("nobody@example.com", "nobody@example.com"));
		TableRows.execute(dataSource(), "DELETE FROM " + table + " WHERE id = 5");

		expansions.contract(table + ".email_address");
		List<String> contracted = facts(table);
		assertThat(indexFacts(contracted, "email")).as("the copies, under the old names")
			.containsExactlyInAnyOrderElementsOf(columnRenamed(oldIndexes, "email", "email_address"));
		assertThat(contracted).noneSatisfy((fact) -> assertThat(fact.toLowerCase(Locale.ROOT)).contains(".email "));
		assertThat(defaultOf(contracted, table, "email_address")).isEqualTo(defaultOf(before, table, "email"));
		assertThatExceptionOfType(SQLException.class).as("a duplicate through the new column")
			.isThrownBy(() -> TableRows.execute(dataSource(),
					"INSERT INTO " + table + " (id, email_address) VALUES (6, 'b@example.com')"));
		TableRows.execute(dataSource(), "INSERT INTO " + table + " (id, tenant) VALUES (7, 3)");
		assertThat(TableRows.query(dataSource(), "SELECT email_address FROM " + table + " WHERE id = 7"))
			.containsExactly(List.of("nobody@example.com"));
		TableRows.execute(dataSource(), "DELETE FROM " + table + " WHERE id = 7");

		expansions.undoContract(table + ".email_address");
		assertThat(withoutPositions(facts(table))).as("the expanded state, with the old column last")
			.isEqualTo(withoutPositions(expanded));

		expansions.undoExpand(table + ".email_address");
		assertThat(withoutPositions(facts(table))).isEqualTo(withoutPositions(before));
	}

	@Test
	void expandRunsAgainAndUndoExpandRestoresTheCatalogueExactly() throws SQLException {
		String table = "accounts_ux";
		createAccounts(table);
		List<String> before = facts(table);
		Expansions expansions = expansions();
		ColumnChange rename = ColumnChange.renameColumn(table, "email", "email_address");
		expansions.expand(rename, V2);
		List<String> expanded = facts(table);
		assertThat(expanded).containsAll(renamed(indexFacts(before, "email"), "email", "email_address"));
		expansions.expand(rename, V2);
		assertThat(facts(table)).as("expand runs again without change").isEqualTo(expanded);

		expansions.undoExpand(table + ".email_address");
		assertThat(facts(table)).isEqualTo(before);
	}

	@Test
	void setNotNullAndChangeColumnTypeCarryTheIndexes() throws SQLException {
		String table = "members_ix";
		TableRows.execute(dataSource(),
				"CREATE TABLE " + table + " (id INT PRIMARY KEY, code VARCHAR(10) DEFAULT '0', nick VARCHAR(20),"
						+ " CONSTRAINT " + table + "_code_key UNIQUE (code))",
				"CREATE INDEX " + table + "_nick_id_idx ON " + table + " (nick, id)",
				"INSERT INTO " + table + " (id, code, nick) VALUES (1, '42', 'ann'), (2, '7', NULL)");
		List<String> before = facts(table);
		Expansions expansions = expansions();
		String toNew = type().isMySqlFamily() ? "CAST(code AS SIGNED)" : "CAST(code AS INTEGER)";
		String toOld = type().isMySqlFamily() ? "CAST(code_number AS CHAR(10))" : "CAST(code_number AS VARCHAR(10))";
		expansions.expand(ColumnChange.changeColumnType(table, "code", "code_number", "INTEGER", toNew, toOld), V2);
		expansions.expand(ColumnChange.setNotNull(table, "nick", "'anonymous'"), V2);
		List<String> expanded = facts(table);
		assertThat(expanded).containsAll(renamed(indexFacts(before, "code"), "code", "code_number"))
			.containsAll(renamed(indexFacts(before, "nick"), "nick", "nick_new"));

		expansions.contract(table + ".code_number");
		expansions.contract(table + ".nick_new");
		List<String> contracted = facts(table);
		assertThat(contracted).containsAll(columnRenamed(indexFacts(before, "code"), "code", "code_number"))
			.containsAll(columnRenamed(indexFacts(before, "nick"), "nick", "nick_new"));
		assertThat(defaultOf(contracted, table, "code_number")).as("a default is not converted to another type")
			.isEqualToIgnoringCase("default=null");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> TableRows.execute(dataSource(), "INSERT INTO " + table + " (id, code_number, nick_new)"
					+ " VALUES (3, 42, 'x')"));

		expansions.undoContract(table + ".code_number");
		expansions.undoContract(table + ".nick_new");
		expansions.undoExpand(table + ".code_number");
		expansions.undoExpand(table + ".nick_new");
		assertThat(withoutPositions(facts(table))).isEqualTo(withoutPositions(before));
	}

	@Test
	void aBackgroundBackfillBuildsTheCopiesWhenItFinishes() throws SQLException {
		String table = "accounts_bg";
		Expansions expansions = expansions();
		List<String> copies = expandEmailInBackground(table, expansions);
		assertThat(facts(table)).as("not before the backfill").doesNotContainAnyElementsOf(copies);

		assertThat(expansions.resumeBackfills()).containsExactly(table + ".email_address");
		assertThat(facts(table)).containsAll(copies);
	}

}
