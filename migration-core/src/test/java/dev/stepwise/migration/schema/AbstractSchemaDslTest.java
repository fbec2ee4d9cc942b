package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.testsupport.CatalogSnapshot;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema DSL on a real database: every operation, checked through the catalogue, and
 * every recorded inverse leaving the catalogue exactly as it was.
 * <p>
 * Over 400 lines on purpose: one test per DSL operation, each with its inverse, on every database.
 */
abstract class AbstractSchemaDslTest {

	protected Connection connection;

	protected RecordingRunner runner;

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	protected DatabaseType type() {
		return DatabaseType.valueOf(this.database.type().name());
	}

	@BeforeEach
	void openConnection(TestDatabase database) throws SQLException {
		this.database = database;
		this.connection = database.dataSource().getConnection();
		this.runner = new RecordingRunner();
	}

	@AfterEach
	void closeConnection() throws SQLException {
		this.connection.close();
	}

	@Test
	void createTableMapsPortableTypesPerDialect() throws SQLException {
		schema().createTable("typed", (table) -> table.id("id")
			.column("a_bigint", Type.bigint())
			.column("an_integer", Type.integer())
			.column("a_smallint", Type.smallint())
			.column("a_bool", Type.bool())
			.column("a_varchar", Type.varchar(80))
			.column("a_text", Type.text())
			.column("a_decimal", Type.decimal(10, 2))
			.column("a_double", Type.doublePrecision())
			.column("a_date", Type.date())
			.column("a_timestamp", Type.timestamp())
			.column("a_timestamp_tz", Type.timestampTz())
			.column("a_uuid", Type.uuid())
			.column("a_json", Type.json())
			.column("some_bytes", Type.bytes())).apply();

		assertThat(columnTypes("typed")).containsExactly(
				expected("id", "int8", "bigint(20)", "BIGINT"),
				expected("a_bigint", "int8", "bigint(20)", "BIGINT"),
				expected("an_integer", "int4", "int(11)", "INTEGER"),
				expected("a_smallint", "int2", "smallint(6)", "SMALLINT"),
				expected("a_bool", "bool", "tinyint(1)", "BOOLEAN"),
				expected("a_varchar", "varchar(80)", "varchar(80)", "CHARACTER VARYING(80)"),
				expected("a_text", "text", "text", "CHARACTER VARYING"),
				expected("a_decimal", "numeric(10,2)", "decimal(10,2)", "DECIMAL(10,2)"),
				expected("a_double", "float8", "double", "DOUBLE PRECISION"),
				expected("a_date", "date", "date", "DATE"),
				expected("a_timestamp", "timestamp", "datetime(6)", "TIMESTAMP"),
				expected("a_timestamp_tz", "timestamptz", "timestamp(6)", "TIMESTAMP WITH TIME ZONE"),
				expected("a_uuid", "uuid", "char(36)", "UUID"),
				expected("a_json", "jsonb", "longtext", "JSON"),
				expected("some_bytes", "bytea", "longblob", "BINARY VARYING"));
	}

	@Test
	void jsonColumnsAcceptDocumentsAndRefuseOtherText() throws SQLException {
		schema().createTable("documents", (table) -> table.id("id").column("body", Type.json())).apply();
		String literal = (type() == DatabaseType.H2) ? "JSON " : "";

		execute("INSERT INTO documents (body) VALUES (" + literal + "'{\"name\": \"Ada\"}')");

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO documents (body) VALUES (" + literal + "'not json')"));
		assertThat(count("SELECT COUNT(*) FROM documents")).isEqualTo(1);
	}

	@Test
	void createTableWithKeyNullabilityAndDefaults() throws SQLException {
		schema().createTable("memberships", (table) -> table
			.column("team", Type.varchar(40)).notNull()
			.column("member", Type.varchar(40)).notNull()
			.column("role", Type.varchar(20)).notNull().defaultValue("'member'")
			.column("note", Type.text())
			.primaryKey("team", "member")).apply();

		execute("INSERT INTO memberships (team, member) VALUES ('core', 'ada')");

		assertThat(primaryKey("memberships")).containsExactly(stored("team"), stored("member"));
		assertThat(nullable("memberships")).containsExactly(entry("team", false), entry("member", false),
				entry("role", false), entry("note", true));
		assertThat(string("SELECT role FROM memberships")).isEqualTo("member");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO memberships (team, member) VALUES ('core', 'ada')"));
	}

	@Test
	void addRenameAndDropColumns() throws SQLException {
		schema().createTable("people", (table) -> table.id("id").column("name", Type.text())).apply();
		execute("INSERT INTO people (name) VALUES ('Ada')");

		schema().addColumn("people", Column.of("age", Type.integer()).notNull().defaultValue("7"))
			.renameColumn("people", "name", "full_name")
			.apply();

		assertThat(nullable("people")).containsExactly(entry("id", false), entry("full_name", true),
				entry("age", false));
		assertThat(string("SELECT full_name FROM people")).isEqualTo("Ada");
		assertThat(count("SELECT age FROM people")).isEqualTo(7);

		schema().dropColumn("people", "age").apply();

		assertThat(nullable("people")).containsOnlyKeys(stored("id"), stored("full_name"));
	}

	@Test
	void changeColumnTypeKeepsNullabilityAndDefault() throws SQLException {
		schema().createTable("counters", (table) -> table.id("id")
			.column("hits", Type.integer()).notNull().defaultValue("3")).apply();
		execute("INSERT INTO counters (hits) VALUES (41)");

		schema().changeColumnType("counters", "hits", TypeChange.of(Type.integer(), Type.bigint())).apply();

		assertThat(columnTypes("counters")).contains(expected("hits", "int8", "bigint(20)", "BIGINT"));
		assertThat(nullable("counters")).containsEntry(stored("hits"), false);
		execute("INSERT INTO counters (id) VALUES (100)");
		assertThat(count("SELECT hits FROM counters WHERE id = 100")).isEqualTo(3);
		assertThat(count("SELECT hits FROM counters WHERE id <> 100")).isEqualTo(41);
	}

	@Test
	void changeColumnTypeConvertsWithExpressionsBothWaysOrIsRefusedOnMySql() throws SQLException {
		schema().createTable("prices", (table) -> table.id("id").column("price", Type.varchar(20))).apply();
		execute("INSERT INTO prices (price) VALUES ('12,50')");
		CatalogSnapshot before = snapshot();
		TypeChange change = TypeChange.of(Type.varchar(20), Type.decimal(10, 2))
			.using("CAST(REPLACE(price, ',', '.') AS DECIMAL(10,2))")
			.reverseUsing("REPLACE(CAST(price AS VARCHAR(20)), '.', ',')");

		if (type().isMySqlFamily()) {
			assertThatIllegalArgumentException().isThrownBy(() -> schema().changeColumnType("prices", "price", change))
				.withMessageStartingWith("changeColumnType(\"prices\", \"price\", varchar(20) -> decimal(10,2)):"
						+ " MySQL and MariaDB cannot convert a column with an expression")
				.withMessageContaining("remove using(...) and reverseUsing(...)");
			return;
		}
		Schema schema = schema().changeColumnType("prices", "price", change);
		schema.apply();

		assertThat(string("SELECT CAST(price AS VARCHAR(20)) FROM prices")).isEqualTo("12.50");

		schema.inverse().apply();

		assertThat(snapshot()).isEqualTo(before);
		assertThat(string("SELECT price FROM prices")).isEqualTo("12,50");
	}

	@Test
	void setAndDropNotNull() throws SQLException {
		schema().createTable("accounts", (table) -> table.id("id").column("email", Type.varchar(100))).apply();
		execute("INSERT INTO accounts (email) VALUES ('ada@example.com')");

		schema().setNotNull("accounts", "email").apply();

		assertThat(nullable("accounts")).containsEntry(stored("email"), false);
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO accounts (email) VALUES (NULL)"));

		schema().dropNotNull("accounts", "email").apply();

		assertThat(nullable("accounts")).containsEntry(stored("email"), true);
		execute("INSERT INTO accounts (email) VALUES (NULL)");
	}

	@Test
	void setAndDropDefault() throws SQLException {
		schema().createTable("tickets", (table) -> table.id("id").column("state", Type.varchar(20))).apply();

		schema().setDefault("tickets", "state", "'open'").apply();
		execute("INSERT INTO tickets (id) VALUES (1)");

		assertThat(string("SELECT state FROM tickets WHERE id = 1")).isEqualTo("open");

		schema().dropDefault("tickets", "state").apply();
		execute("INSERT INTO tickets (id) VALUES (2)");

		assertThat(string("SELECT state FROM tickets WHERE id = 2")).isNull();
	}

	@Test
	void addAndDropIndexes() throws SQLException {
		schema().createTable("books", (table) -> table.id("id")
			.column("isbn", Type.varchar(20))
			.column("title", Type.varchar(200))).apply();

		schema().addIndex("books", "books_title_idx", "title")
			.addUniqueIndex("books", "books_isbn_key", "isbn", "id")
			.apply();

		assertThat(indexes("books")).containsEntry(stored("books_title_idx"), "[" + stored("title") + "]")
			.containsEntry(stored("books_isbn_key"), "unique [" + stored("isbn") + ", " + stored("id") + "]");

		schema().dropIndex("books", "books_title_idx").dropIndex("books", "books_isbn_key").apply();

		assertThat(indexes("books")).doesNotContainKeys(stored("books_title_idx"), stored("books_isbn_key"));
	}

	@Test
	void addAndDropConstraints() throws SQLException {
		schema().createTable("authors", (table) -> table.id("id").column("name", Type.varchar(100)))
			.createTable("articles", (table) -> table.id("id")
				.column("author_id", Type.bigint())
				.column("slug", Type.varchar(100))
				.column("words", Type.integer()))
			.apply();
		execute("INSERT INTO authors (id, name) VALUES (1, 'Ada')");
		execute("INSERT INTO articles (author_id, slug, words) VALUES (1, 'first', 10)");

		schema().addForeignKey("articles", "articles_author_fk",
				ForeignKey.from("author_id").references("authors", "id").onDelete(ForeignKey.Action.CASCADE))
			.addCheck("articles", "articles_words_check", "words >= 0")
			.addUnique("articles", "articles_slug_key", "slug")
			.apply();

		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO articles (author_id, slug, words) VALUES (2, 'orphan', 1)"));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO articles (author_id, slug, words) VALUES (1, 'negative', -1)"));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> execute("INSERT INTO articles (author_id, slug, words) VALUES (1, 'first', 1)"));
		assertThat(snapshot().facts()).anyMatch((fact) -> fact.startsWith("foreign key " + stored("articles") + "."
				+ stored("articles_author_fk")))
			.anyMatch((fact) -> fact.startsWith("check " + stored("articles") + "." + stored("articles_words_check")))
			.anyMatch((fact) -> fact.startsWith("unique constraint " + stored("articles") + "."
					+ stored("articles_slug_key")));
		execute("DELETE FROM authors WHERE id = 1");
		assertThat(count("SELECT COUNT(*) FROM articles")).isZero();

		schema().dropForeignKey("articles", "articles_author_fk")
			.dropCheck("articles", "articles_words_check")
			.dropUnique("articles", "articles_slug_key")
			.apply();

		execute("INSERT INTO articles (author_id, slug, words) VALUES (2, 'x', -1)");
		execute("INSERT INTO articles (author_id, slug, words) VALUES (2, 'x', -1)");
	}

	@Test
	void createAndDropViewsAndRenameTables() throws SQLException {
		schema().createTable("drafts", (table) -> table.id("id").column("title", Type.text())).apply();
		execute("INSERT INTO drafts (title) VALUES ('Hello')");

		schema().renameTable("drafts", "posts").createView("post_titles", "SELECT title FROM posts").apply();

		assertThat(string("SELECT title FROM post_titles")).isEqualTo("Hello");
		assertThat(snapshot().facts()).contains("table " + stored("posts")).doesNotContain("table " + stored("drafts"));

		schema().dropView("post_titles").dropTable("posts").apply();

		assertThat(snapshot().facts()).noneMatch((fact) -> fact.contains(stored("post")));
	}

	@Test
	void inverseOfEveryReversibleOperationRestoresTheCatalogue() throws SQLException {
		schema().createTable("rt_users", (table) -> table.id("id")
			.column("email", Type.varchar(100)).notNull()
			.column("name", Type.varchar(100))
			.column("age", Type.integer()).defaultValue("0")
			.column("status", Type.varchar(20)))
			.createTable("rt_orders", (table) -> table.id("id")
				.column("user_id", Type.bigint())
				.column("buyer_id", Type.bigint())
				.column("total", Type.decimal(10, 2))
				.column("note", Type.varchar(200)).notNull().defaultValue("'none'"))
			.createTable("rt_archive", (table) -> table.column("code", Type.varchar(10)).notNull().primaryKey("code"))
			.createView("rt_emails", "SELECT email FROM rt_users")
			.addIndex("rt_orders", "rt_orders_total_idx", "total")
			.addForeignKey("rt_orders", "rt_orders_old_fk", ForeignKey.from("user_id").references("rt_users", "id"))
			.addCheck("rt_orders", "rt_orders_total_check", "total >= 0")
			.addUnique("rt_users", "rt_users_name_key", "name")
			.apply();
		execute("INSERT INTO rt_users (id, email, name, age, status) VALUES (1, 'ada@example.com', 'Ada', 36, 'new')");
		execute("INSERT INTO rt_orders (user_id, total) VALUES (1, 12.50)");
		CatalogSnapshot before = snapshot();

		Schema migration = schema()
			.createTable("rt_tags", (table) -> table.id("id").column("label", Type.varchar(30)).notNull())
			.addColumn("rt_users", Column.of("nickname", Type.varchar(50)).notNull().defaultValue("'anon'"))
			.renameColumn("rt_users", "name", "full_name")
			.changeColumnType("rt_users", "age", TypeChange.of(Type.integer(), Type.bigint()))
			.setNotNull("rt_users", "status")
			.dropNotNull("rt_users", "email")
			.setDefault("rt_users", "status", "'active'")
			.dropDefault("rt_users", "age", "0")
			.addIndex("rt_users", "rt_users_status_idx", "status")
			.addUniqueIndex("rt_users", "rt_users_email_key", "email")
			.addForeignKey("rt_tags", "rt_tags_id_fk", ForeignKey.from("id").references("rt_users", "id"))
			.addForeignKey("rt_orders", "rt_orders_buyer_fk", ForeignKey.from("buyer_id").references("rt_users", "id"))
			.addCheck("rt_users", "rt_users_age_check", "age >= 0")
			.addUnique("rt_users", "rt_users_nickname_key", "nickname", "id")
			.createView("rt_labels_view", "SELECT label FROM rt_tags")
			.renameTable("rt_tags", "rt_labels")
			.dropView("rt_emails", "SELECT email FROM rt_users")
			.dropIndex("rt_orders", "rt_orders_total_idx", "total")
			.dropForeignKey("rt_orders", "rt_orders_old_fk", ForeignKey.from("user_id").references("rt_users", "id"))
			.dropCheck("rt_orders", "rt_orders_total_check", "total >= 0")
			.dropUnique("rt_users", "rt_users_name_key", "full_name")
			.dropColumn("rt_orders", Column.of("note", Type.varchar(200)).notNull().defaultValue("'none'"))
			.dropTable("rt_archive", (table) -> table.column("code", Type.varchar(10)).notNull().primaryKey("code"));
		migration.apply();
		CatalogSnapshot after = snapshot();

		assertThat(migration.reversible()).isTrue();
		assertThat(before.facts()).anyMatch((fact) -> fact.startsWith("check "))
			.anyMatch((fact) -> fact.startsWith("foreign key "))
			.anyMatch((fact) -> fact.startsWith("unique constraint "))
			.anyMatch((fact) -> fact.startsWith("view " + stored("rt_emails") + " as "));
		assertThat(after).isNotEqualTo(before);

		migration.inverse().apply();

		assertThat(snapshot().toString()).isEqualTo(before.toString());
		assertThat(string("SELECT name FROM rt_users WHERE id = 1")).isEqualTo("Ada");
	}

	@Test
	void irreversibleOperationsAreNamedWithTheFix() throws SQLException {
		Schema schema = schema().addColumn("users", Column.of("nickname", Type.text()))
			.dropColumn("users", "nickname")
			.dropTable("sessions");

		assertThat(schema.reversible()).isFalse();
		assertThat(schema.changes()).extracting(SchemaChange::reversible).containsExactly(true, false, false);
		assertThatThrownBy(schema::inverse).isInstanceOf(IrreversibleChangeException.class)
			.hasMessageContaining("dropColumn(\"users\", \"nickname\") cannot be undone: the column's definition is"
					+ " unknown: pass it, as in dropColumn(\"users\", Column.of(\"nickname\", Type.text()))")
			.hasMessageContaining("dropTable(\"sessions\") cannot be undone")
			.hasMessageContaining("or give the migration its own down()");
		assertThatThrownBy(() -> schema.changes().get(1).inverse()).isInstanceOf(IrreversibleChangeException.class)
			.hasMessageStartingWith("dropColumn(\"users\", \"nickname\") cannot be undone");
	}

	@Test
	void dropsAreReversibleOnlyWithTheirDefinitions() throws SQLException {
		ForeignKey foreignKey = ForeignKey.from("user_id").references("users", "id");
		Schema withoutDefinitions = schema().dropTable("t")
			.dropColumn("t", "c")
			.changeColumnType("t", "c", Type.bigint())
			.dropDefault("t", "c")
			.dropIndex("t", "i")
			.dropForeignKey("t", "f")
			.dropCheck("t", "k")
			.dropUnique("t", "u")
			.dropView("v");
		Schema withDefinitions = schema().dropTable("t", (table) -> table.id("id"))
			.dropColumn("t", Column.of("c", Type.text()))
			.changeColumnType("t", "c", TypeChange.of(Type.integer(), Type.bigint()))
			.dropDefault("t", "c", "0")
			.dropIndex("t", "i", "c")
			.dropUniqueIndex("t", "i", "c")
			.dropForeignKey("t", "f", foreignKey)
			.dropCheck("t", "k", "c > 0")
			.dropUnique("t", "u", "c")
			.dropView("v", "SELECT 1");

		assertThat(withoutDefinitions.changes()).noneMatch(SchemaChange::reversible);
		assertThat(withDefinitions.changes()).allMatch(SchemaChange::reversible);
	}

	@Test
	void statementsAreADryRunThatChangesNothing() throws SQLException {
		Schema schema = schema().createTable("planned", (table) -> table.id("id").column("name", Type.text()))
			.addIndex("planned", "planned_name_idx", "name");

		List<SchemaStatement> statements = schema.statements();

		assertThat(statements).hasSize(2);
		assertThat(statements.get(0).sql()).startsWith("CREATE TABLE " + quote("planned") + " (");
		assertThat(this.runner.executed()).isEmpty();
		assertThat(snapshot().facts()).noneMatch((fact) -> fact.contains(stored("planned")));
	}

	@Test
	void applyRunsEachRecordedChangeOnce() throws SQLException {
		Schema schema = schema().createTable("once", (table) -> table.id("id"));
		schema.apply();
		schema.apply();
		schema.addColumn("once", Column.of("extra", Type.integer()));
		schema.apply();

		assertThat(this.runner.executed()).hasSize(2);
		assertThat(nullable("once")).containsOnlyKeys(stored("id"), stored("extra"));
	}

	@Test
	void namesAreQuotedSoTheyCannotInjectSql() throws SQLException {
		schema().createTable("victim", (table) -> table.id("id")).apply();
		String table = "we\"ird`; DROP TABLE victim; --";
		String column = "co\"l`umn; DELETE FROM victim";
		CatalogSnapshot before = snapshot();

		Schema schema = schema()
			.createTable(table, (definition) -> definition.column("id", Type.bigint()).notNull()
				.column(column, Type.text())
				.primaryKey("id"))
			.addColumn(table, Column.of(column + "2", Type.integer()))
			.renameColumn(table, column + "2", column + "3")
			.addIndex(table, table + "_idx", column)
			.addCheck(table, table + "_ck", "id > 0");
		schema.apply();

		assertThat(snapshot().facts()).contains("table " + table, "table " + stored("victim"))
			.anyMatch((fact) -> fact.startsWith("column " + table + "." + column + " #"))
			.anyMatch((fact) -> fact.startsWith("column " + table + "." + column + "3 #"));
		assertThat(schema.statements().get(0).sql()).contains(doubledQuotes(table));

		schema.inverse().apply();

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void regularNamesMeanWhatTheyMeanUnquoted() throws SQLException {
		schema().createTable("Mixed_Case", (table) -> table.id("Id").column("Full_Name", Type.text())).apply();

		execute("INSERT INTO Mixed_Case (Id, Full_Name) VALUES (1, 'Ada')");

		assertThat(string("SELECT Full_Name FROM Mixed_Case")).isEqualTo("Ada");
		assertThat(snapshot().facts()).contains("table " + switch (type()) {
			case POSTGRESQL -> "mixed_case";
			case MYSQL, MARIADB -> "Mixed_Case";
			case H2 -> "MIXED_CASE";
		});
	}

	@Test
	void namesTheDatabaseWouldMangleAreRefused() throws SQLException {
		String tooLong = "t".repeat(300);

		assertThatThrownBy(() -> schema().createTable(tooLong, (table) -> table.id("id")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is longer than")
			.hasMessageContaining("shorten it");
		assertThatThrownBy(() -> schema().dropColumn("t", "a\0b")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("NUL");
		assertThatThrownBy(() -> schema().createTable("empty", (table) -> { }))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("defines no columns");
		assertThatThrownBy(() -> schema().createTable("t", (table) -> table.notNull()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("call column(name, type) first");
	}

	// Helpers

	protected Schema schema() throws SQLException {
		return Schema.on(this.connection, type(), this.runner);
	}

	protected CatalogSnapshot snapshot() throws SQLException {
		return CatalogSnapshot.take(this.connection, this.database.type());
	}

	protected void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	protected long count(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	protected String string(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	/** A regular name as the catalogue stores it. */
	protected String stored(String name) {
		return (type() == DatabaseType.H2) ? name.toUpperCase(Locale.ROOT) : name;
	}

	protected String quote(String name) {
		String quote = type().isMySqlFamily() ? "`" : "\"";
		return quote + stored(name) + quote;
	}

	private String doubledQuotes(String name) {
		return type().isMySqlFamily() ? name.replace("`", "``") : name.replace("\"", "\"\"");
	}

	private String expected(String column, String postgresql, String mariadb, String h2) {
		return stored(column) + " " + switch (type()) {
			case POSTGRESQL -> postgresql;
			case MYSQL, MARIADB -> mariadb;
			case H2 -> h2;
		};
	}

	private Map.Entry<String, Boolean> entry(String column, boolean nullable) {
		return Map.entry(stored(column), nullable);
	}

	/** Each column as "name type", in order, the type as the database spells it. */
	protected List<String> columnTypes(String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		if (type().isMySqlFamily()) {
			try (PreparedStatement query = this.connection.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE"
					+ " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"
					+ " ORDER BY ORDINAL_POSITION")) {
				query.setString(1, table);
				try (ResultSet result = query.executeQuery()) {
					while (result.next()) {
						columns.add(result.getString(1) + " " + result.getString(2));
					}
				}
			}
			return columns;
		}
		try (ResultSet result = metaData().getColumns(null, this.connection.getSchema(), stored(table), "%")) {
			while (result.next()) {
				String name = result.getString("TYPE_NAME");
				int size = result.getInt("COLUMN_SIZE");
				int digits = result.getInt("DECIMAL_DIGITS");
				boolean sized = name.contains("VARYING") && size < 1_000_000 || name.equals("varchar");
				boolean numeric = name.equalsIgnoreCase("numeric") || name.equals("DECIMAL");
				columns.add(result.getString("COLUMN_NAME") + " " + name
						+ (sized ? "(" + size + ")" : numeric ? "(" + size + "," + digits + ")" : ""));
			}
		}
		return columns;
	}

	/** Each column's nullability, in order. */
	protected Map<String, Boolean> nullable(String table) throws SQLException {
		Map<String, Boolean> columns = new LinkedHashMap<>();
		try (ResultSet result = metaData().getColumns(this.connection.getCatalog(), schemaName(), stored(table), "%")) {
			while (result.next()) {
				columns.put(result.getString("COLUMN_NAME"), "YES".equals(result.getString("IS_NULLABLE")));
			}
		}
		return columns;
	}

	protected List<String> primaryKey(String table) throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		try (ResultSet result = metaData().getPrimaryKeys(this.connection.getCatalog(), schemaName(), stored(table))) {
			while (result.next()) {
				columns.put(result.getInt("KEY_SEQ"), result.getString("COLUMN_NAME"));
			}
		}
		return List.copyOf(columns.values());
	}

	/** Each index of the table as name to "[unique ]columns". */
	protected Map<String, String> indexes(String table) throws SQLException {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		Map<String, Boolean> unique = new LinkedHashMap<>();
		try (ResultSet result = metaData().getIndexInfo(this.connection.getCatalog(), schemaName(), stored(table), false,
				false)) {
			while (result.next()) {
				String name = result.getString("INDEX_NAME");
				columns.computeIfAbsent(name, (key) -> new ArrayList<>()).add(result.getString("COLUMN_NAME"));
				unique.put(name, !result.getBoolean("NON_UNIQUE"));
			}
		}
		Map<String, String> indexes = new LinkedHashMap<>();
		columns.forEach((name, names) -> indexes.put(name, (unique.get(name) ? "unique " : "") + names));
		return indexes;
	}

	private DatabaseMetaData metaData() throws SQLException {
		return this.connection.getMetaData();
	}

	private String schemaName() throws SQLException {
		return type().isMySqlFamily() ? null : this.connection.getSchema();
	}

}
