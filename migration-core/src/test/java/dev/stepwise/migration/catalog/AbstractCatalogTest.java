package dev.stepwise.migration.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The catalogue reader, the comparison and the script writer on a real database: what is
 * read, and a round trip (current schema, generated script, target schema exactly; its undo,
 * the current schema exactly) over every kind of change, on a table with rows.
 */
abstract class AbstractCatalogTest {

	static final List<String> CURRENT = List.of(
			"CREATE TABLE customer (id BIGINT NOT NULL, email VARCHAR(100), full_name VARCHAR(100),"
					+ " nickname VARCHAR(50), CONSTRAINT customer_pk PRIMARY KEY (id))",
			"CREATE TABLE purchase (id BIGINT NOT NULL, customer_id BIGINT, total DECIMAL(10,2), note VARCHAR(200),"
					+ " CONSTRAINT purchase_pk PRIMARY KEY (id))",
			"CREATE INDEX purchase_note_idx ON purchase (note)",
			"CREATE TABLE legacy (id BIGINT NOT NULL, CONSTRAINT legacy_pk PRIMARY KEY (id))");

	static final List<String> TARGET = List.of(
			"CREATE TABLE customer (id BIGINT NOT NULL, email VARCHAR(200) NOT NULL, name VARCHAR(100),"
					+ " active BOOLEAN DEFAULT TRUE NOT NULL, CONSTRAINT customer_pk PRIMARY KEY (id),"
					+ " CONSTRAINT customer_email_uk UNIQUE (email))",
			"CREATE TABLE purchase (id BIGINT NOT NULL, customer_id BIGINT, total DECIMAL(10,2),"
					+ " CONSTRAINT purchase_pk PRIMARY KEY (id), CONSTRAINT purchase_total_ck CHECK (total >= 0))",
			"CREATE INDEX purchase_customer_idx ON purchase (customer_id)",
			"ALTER TABLE purchase ADD CONSTRAINT purchase_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)",
			"CREATE TABLE refund (id BIGINT NOT NULL, purchase_id BIGINT NOT NULL, CONSTRAINT refund_pk PRIMARY KEY (id),"
					+ " CONSTRAINT refund_purchase_fk FOREIGN KEY (purchase_id) REFERENCES purchase (id) ON DELETE CASCADE)",
			"CREATE INDEX refund_purchase_idx ON refund (purchase_id)",
			"CREATE SEQUENCE refund_seq START WITH 1 INCREMENT BY 50");

	static final List<String> ROWS = List.of(
			"INSERT INTO customer (id, email, full_name, nickname) VALUES (1, 'ada@example.com', 'Ada', 'ada')",
			"INSERT INTO purchase (id, customer_id, total, note) VALUES (1, 1, 10.50, 'first')");

	private TestDatabase database;

	@BeforeEach
	void empty(TestDatabase database) {
		this.database = database;
		database.reset();
	}

	@Test
	void readsEveryKindOfObjectAndLeavesOutBookkeeping() throws SQLException {
		run(TARGET);
		run(List.of("CREATE TABLE stepwise_history (id INTEGER NOT NULL)"));
		Catalog catalog = read();
		assertThat(names(catalog.tables().keySet())).containsExactly("customer", "purchase", "refund");
		Table customer = table(catalog, "customer");
		assertThat(customer.columns()).extracting((column) -> lower(column.name()))
			.containsExactly("id", "email", "name", "active");
		Column email = customer.column(name(customer, "email")).orElseThrow();
		assertThat(email.nullable()).isFalse();
		assertThat(lower(email.type())).contains("200");
		assertThat(customer.column(name(customer, "name")).orElseThrow().nullable()).isTrue();
		assertThat(customer.column(name(customer, "active")).orElseThrow().defaultValue()).isNotNull();
		assertThat(names(customer.primaryKey().columns())).containsExactly("id");
		assertThat(customer.uniqueConstraints()).singleElement()
			.satisfies((unique) -> assertThat(names(unique.columns())).containsExactly("email"));
		assertThat(customer.indexes()).as("indexes behind keys belong to the keys").isEmpty();
		Table purchase = table(catalog, "purchase");
		assertThat(purchase.checks()).singleElement()
			.satisfies((check) -> assertThat(lower(check.clause())).contains("total").contains(">="));
		assertThat(purchase.indexes()).singleElement().satisfies((index) -> {
			assertThat(lower(index.name())).isEqualTo("purchase_customer_idx");
			assertThat(names(index.columns())).containsExactly("customer_id");
			assertThat(index.unique()).isFalse();
		});
		Table refund = table(catalog, "refund");
		assertThat(refund.foreignKeys()).singleElement().satisfies((key) -> {
			assertThat(lower(key.name())).isEqualTo("refund_purchase_fk");
			assertThat(names(key.columns())).containsExactly("purchase_id");
			assertThat(lower(key.referencedTable())).isEqualTo("purchase");
			assertThat(names(key.referencedColumns())).containsExactly("id");
			assertThat(key.onDelete()).isEqualTo("CASCADE");
			assertThat(key.onUpdate()).isEqualTo("NO ACTION");
		});
		assertThat(refund.indexes()).extracting((index) -> lower(index.name())).containsExactly("refund_purchase_idx");
		assertThat(catalog.sequences().values()).singleElement().satisfies((sequence) -> {
			assertThat(lower(sequence.name())).isEqualTo("refund_seq");
			assertThat(sequence.increment()).isEqualTo(50);
		});
	}

	@Test
	void theSameSchemaBuiltTwiceHasNoDifference() throws SQLException {
		run(TARGET);
		Catalog first = read();
		this.database.reset();
		run(TARGET);
		assertThat(CatalogDiff.compare(first, read(), List.of()).differences()).isEmpty();
	}

	@Test
	void generatedScriptReachesTheTargetAndItsUndoComesBackExactly() throws SQLException {
		run(TARGET);
		Catalog target = read();
		this.database.reset();
		run(CURRENT);
		Catalog current = read();
		run(ROWS);

		CatalogDiff diff = CatalogDiff.compare(current, target, List.of(ColumnRename.parse("customer.full_name=name")));
		assertThat(diff.differences()).extracting(Difference::describe)
			.map(AbstractCatalogTest::lower)
			.first()
			.asString()
			.startsWith("> column customer.full_name renamed to name");
		assertThat(kinds(diff)).containsSubsequence("Renamed", "Dropped ForeignKey|Dropped Index", "Added Table",
				"Added Column", "Changed Column", "Added ForeignKey", "Dropped Column", "Dropped Table");
		GeneratedMigration migration = ScriptWriter.write(diff, current, new WriteOptions(true));

		run(migration.up());
		run(migration.upWithoutTransaction());
		Catalog applied = read();
		assertThat(CatalogDiff.compare(applied, target, List.of()).toString()).isEmpty();
		assertThat(queryName()).isEqualTo("Ada");

		run(migration.downWithoutTransaction());
		run(migration.down());
		assertThat(CatalogDiff.compare(read(), current, List.of()).toString()).isEmpty();
	}

	@Test
	void nothingThatHoldsDataIsDroppedUnlessAllowed() throws SQLException {
		run(TARGET);
		Catalog target = read();
		this.database.reset();
		run(CURRENT);
		Catalog current = read();
		CatalogDiff diff = CatalogDiff.compare(current, target, List.of());
		assertThat(diff.renameSuggestions()).anySatisfy((suggestion) -> assertThat(lower(suggestion))
			.contains("--rename customer.full_name=name"));
		GeneratedMigration migration = ScriptWriter.write(diff, current, WriteOptions.safe());
		assertThat(String.join("\n", migration.up()).toLowerCase(Locale.ROOT)).doesNotContain("drop table")
			.doesNotContain("drop column");
		assertThat(migration.notes()).anySatisfy((note) -> assertThat(lower(note)).contains("table legacy")
			.contains("--allow-drop"));
		run(migration.up());
		run(migration.upWithoutTransaction());
		Catalog applied = read();
		assertThat(names(applied.tables().keySet())).contains("legacy", "refund");
		assertThat(table(applied, "customer").columns()).extracting((column) -> lower(column.name()))
			.contains("full_name", "nickname", "name");
	}

	@Test
	void aRenameOfAColumnThatIsNotThereIsRefusedNamingIt() throws SQLException {
		run(CURRENT);
		Catalog current = read();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CatalogDiff.compare(current, current, List.of(ColumnRename.parse("customer.nope=name"))))
			.withMessageContaining("customer.nope=name")
			.withMessageContaining("no column nope");
	}

	private static List<String> kinds(CatalogDiff diff) {
		List<String> kinds = new ArrayList<>();
		for (Difference difference : diff.differences()) {
			String kind = difference.getClass().getSimpleName();
			if (difference instanceof Difference.Added added) {
				kind += " " + added.object().getClass().getSimpleName();
			}
			else if (difference instanceof Difference.Dropped dropped) {
				kind += " " + dropped.object().getClass().getSimpleName();
			}
			else if (difference instanceof Difference.Changed changed) {
				kind += " " + changed.after().getClass().getSimpleName();
			}
			if (kind.equals("Dropped ForeignKey") || kind.equals("Dropped Index")) {
				kind = "Dropped ForeignKey|Dropped Index";
			}
			kinds.add(kind);
		}
		return kinds;
	}

	private String queryName() throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT name FROM customer WHERE id = 1")) {
			result.next();
			return result.getString(1);
		}
	}

	Catalog read() throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection()) {
			return CatalogReader.read(connection);
		}
	}

	void run(List<String> statements) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				try {
					statement.execute(sql);
				}
				catch (SQLException ex) {
					throw new SQLException(ex.getMessage() + " in: " + sql, ex);
				}
			}
		}
	}

	static Table table(Catalog catalog, String name) {
		Optional<Table> table = catalog.findTable(name);
		return table.orElseThrow(() -> new AssertionError("No table " + name + " in " + catalog.tables().keySet()));
	}

	static String name(Table table, String column) {
		return table.columns()
			.stream()
			.map(Column::name)
			.filter((candidate) -> candidate.equalsIgnoreCase(column))
			.findFirst()
			.orElseThrow();
	}

	static List<String> names(java.util.Collection<String> names) {
		return names.stream().map(AbstractCatalogTest::lower).toList();
	}

	static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

}
