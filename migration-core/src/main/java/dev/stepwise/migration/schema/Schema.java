package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;
import dev.stepwise.migration.expand.ColumnChange;
import org.jspecify.annotations.Nullable;

// Over 400 lines on purpose: this is the DSL's whole public surface, one documented method
// per operation (about 300 of its lines are javadoc); the SQL of each operation lives in
// Changes and Ddl, so splitting this class would only scatter the API a user reads.
/**
 * The fluent schema DSL of Java migrations: portable, quoted, safe-by-default DDL whose
 * operations know how to undo themselves.
 * <pre>
 * schema.createTable("users", (table) -&gt; table
 *             .id("id")
 *             .column("email", Type.varchar(255)).notNull())
 *         .addUniqueIndex("users", "users_email_key", "email")
 *         .apply();
 * </pre>
 * Operations are recorded, not run: {@link #statements()} shows the SQL they plan (a dry
 * run), {@link #apply()} runs what is not applied yet, in order, through the
 * {@link StatementExecutor}. {@link #inverse()} gives the schema changes that undo all the
 * recorded ones, in reverse order; it refuses when one of them is irreversible (a drop
 * without the definition to recreate), naming it.
 * <p>
 * Names are always quoted, so a name can never inject SQL; a regular identifier
 * ({@code users}) is stored as the same name unquoted would be (lower case on PostgreSQL,
 * upper case on H2). SQL given as text (defaults, check conditions, view queries,
 * conversion expressions) is trusted: never build it from input.
 * <p>
 * On PostgreSQL the statements do not block a table in use: see {@link SchemaStatement}
 * for those that must run outside a transaction. A {@code Schema} is not thread-safe.
 */
public final class Schema {

	private final Connection connection;

	private final StatementExecutor executor;

	private final Changes changes;

	private final @Nullable ColumnChanges columnChanges;

	private final List<SchemaChange> recorded = new ArrayList<>();

	private int applied;

	private Schema(Connection connection, StatementExecutor executor, Changes changes,
			@Nullable ColumnChanges columnChanges) {
		this.connection = connection;
		this.executor = executor;
		this.changes = changes;
		this.columnChanges = columnChanges;
	}

	/**
	 * A schema on a connection whose statements run with {@link StatementExecutor#PLAIN}.
	 * @param connection the connection; statements that must run outside a transaction need
	 * it in auto-commit mode
	 * @param databaseType the database
	 * @return the schema, with nothing recorded
	 * @throws SQLException if the connection's metadata cannot be read
	 */
	public static Schema on(Connection connection, DatabaseType databaseType) throws SQLException {
		return on(connection, databaseType, StatementExecutor.PLAIN);
	}

	/**
	 * A schema on a connection whose statements run through the given executor.
	 * @param connection the connection
	 * @param databaseType the database
	 * @param executor what runs each statement (the engine's applies its lock timeout and retries)
	 * @return the schema, with nothing recorded
	 * @throws SQLException if the connection's metadata cannot be read
	 */
	public static Schema on(Connection connection, DatabaseType databaseType, StatementExecutor executor)
			throws SQLException {
		return on(connection, databaseType, executor, null);
	}

	/**
	 * A schema on a connection whose statements run through the given executor, and whose
	 * {@link #expand(ColumnChange)} and {@link #contract(String)} run through the engine.
	 * @param connection the connection
	 * @param databaseType the database
	 * @param executor what runs each statement
	 * @param columnChanges what runs expands and contracts, or {@code null} to only record them
	 * @return the schema, with nothing recorded
	 * @throws SQLException if the connection's metadata cannot be read
	 */
	public static Schema on(Connection connection, DatabaseType databaseType, StatementExecutor executor,
			@Nullable ColumnChanges columnChanges) throws SQLException {
		Identifiers names = Identifiers.of(databaseType, connection.getMetaData());
		return new Schema(connection, executor, new Changes(Ddl.of(names)), columnChanges);
	}

	/**
	 * Expands a change of a column that running code uses (a rename, a type change, a new
	 * NOT NULL): adds the new column, installs triggers that keep both columns in sync
	 * whichever one a release writes, and backfills existing rows in batches. Old and new
	 * releases then run side by side; a later migration calls {@link #contract(String)}.
	 * Undone by dropping the new column and the triggers.
	 * @param change the change
	 * @return this schema
	 */
	public Schema expand(ColumnChange change) {
		return record(expandChange(change));
	}

	/**
	 * Contracts a change expanded by an earlier migration: checks both columns agree, drops
	 * the triggers and the old column. While a live instance still runs code older than the
	 * expand, the contract is deferred (the migration still succeeds) and retried later.
	 * Undone by restoring the old column, its data and the triggers.
	 * @param changeId the change's id, {@code table.new_column}, as {@link ColumnChange#id()} gives it
	 * @return this schema
	 */
	public Schema contract(String changeId) {
		return record(contractChange(changeId));
	}

	private SchemaChange expandChange(ColumnChange change) {
		String id = change.id();
		return SchemaChange.reversible("expand(" + change + ")",
				List.of(new ColumnChangeStep("expand " + change + ": add the new column, sync triggers both ways,"
						+ " batched backfill", (changes, connection) -> changes.expand(connection, change),
						this.columnChanges)),
				() -> SchemaChange.reversible("undoExpand(\"" + id + "\")",
						List.of(new ColumnChangeStep("undo the expand of " + id + ": drop the triggers and the new column",
								(changes, connection) -> changes.undoExpand(connection, id), this.columnChanges)),
						() -> expandChange(change)));
	}

	private SchemaChange contractChange(String id) {
		return SchemaChange.reversible("contract(\"" + id + "\")",
				List.of(new ColumnChangeStep("contract " + id + " once no live instance needs the old column: drop"
						+ " the triggers and the old column", (changes, connection) -> changes.contract(connection, id),
						this.columnChanges)),
				() -> SchemaChange.reversible("undoContract(\"" + id + "\")",
						List.of(new ColumnChangeStep("undo the contract of " + id + ": restore the old column, its data"
								+ " and the triggers", (changes, connection) -> changes.undoContract(connection, id),
								this.columnChanges)),
						() -> contractChange(id)));
	}

	/**
	 * Creates a table; undone by dropping it.
	 * @param table the table's name
	 * @param definition defines its columns and primary key
	 * @return this schema
	 */
	public Schema createTable(String table, Consumer<TableBuilder> definition) {
		return record(this.changes.createTable(table, define(table, definition)));
	}

	/**
	 * Drops a table; irreversible, see {@link #dropTable(String, Consumer)}.
	 * @param table the table's name
	 * @return this schema
	 */
	public Schema dropTable(String table) {
		return record(this.changes.dropTable(table));
	}

	/**
	 * Drops a table whose definition is given, so that undoing recreates it (empty).
	 * @param table the table's name
	 * @param definition its columns and primary key, as {@link #createTable} takes them
	 * @return this schema
	 */
	public Schema dropTable(String table, Consumer<TableBuilder> definition) {
		return record(this.changes.dropTable(table, define(table, definition)));
	}

	/**
	 * Renames a table; undone by renaming it back.
	 * @param table the table's name
	 * @param newName its new name
	 * @return this schema
	 */
	public Schema renameTable(String table, String newName) {
		return record(this.changes.renameTable(table, newName));
	}

	/**
	 * Adds a column (at the end, instantly where the server can); undone by dropping it.
	 * @param table the table's name
	 * @param column the column
	 * @return this schema
	 */
	public Schema addColumn(String table, Column column) {
		return record(this.changes.addColumn(table, column));
	}

	/**
	 * Drops a column; irreversible, see {@link #dropColumn(String, Column)}.
	 * @param table the table's name
	 * @param column the column's name
	 * @return this schema
	 */
	public Schema dropColumn(String table, String column) {
		return record(this.changes.dropColumn(table, column));
	}

	/**
	 * Drops a column whose definition is given, so that undoing adds it back (without its data).
	 * @param table the table's name
	 * @param column the column as it is defined
	 * @return this schema
	 */
	public Schema dropColumn(String table, Column column) {
		return record(this.changes.dropColumn(table, column));
	}

	/**
	 * Renames a column; undone by renaming it back.
	 * @param table the table's name
	 * @param column the column's name
	 * @param newName its new name
	 * @return this schema
	 */
	public Schema renameColumn(String table, String column, String newName) {
		return record(this.changes.renameColumn(table, column, newName));
	}

	/**
	 * Changes a column's type with the database's conversion, keeping its nullability and
	 * default; irreversible, see {@link #changeColumnType(String, String, TypeChange)}.
	 * @param table the table's name
	 * @param column the column's name
	 * @param type the new type
	 * @return this schema
	 */
	public Schema changeColumnType(String table, String column, Type type) {
		return record(this.changes.changeColumnType(table, column, type));
	}

	/**
	 * Changes a column's type, keeping its nullability and default; undone by the change back.
	 * @param table the table's name
	 * @param column the column's name
	 * @param change the types before and after, and the conversions each way if any
	 * @return this schema
	 */
	public Schema changeColumnType(String table, String column, TypeChange change) {
		return record(this.changes.changeColumnType(table, column, change));
	}

	/**
	 * Makes a column refuse nulls (on PostgreSQL without scanning the table under an exclusive
	 * lock); undone by {@link #dropNotNull}.
	 * @param table the table's name
	 * @param column the column's name
	 * @return this schema
	 */
	public Schema setNotNull(String table, String column) {
		return record(this.changes.setNotNull(table, column));
	}

	/**
	 * Lets a column hold nulls; undone by {@link #setNotNull}.
	 * @param table the table's name
	 * @param column the column's name
	 * @return this schema
	 */
	public Schema dropNotNull(String table, String column) {
		return record(this.changes.dropNotNull(table, column));
	}

	/**
	 * Sets a column's default; undone by dropping it, since a column is assumed to have had
	 * no default (to replace one reversibly, use {@link #dropDefault(String, String, String)}
	 * first).
	 * @param table the table's name
	 * @param column the column's name
	 * @param sqlExpression the default as SQL: trusted SQL, never build it from input
	 * @return this schema
	 */
	public Schema setDefault(String table, String column, String sqlExpression) {
		return record(this.changes.setDefault(table, column, sqlExpression));
	}

	/**
	 * Drops a column's default; irreversible, see {@link #dropDefault(String, String, String)}.
	 * @param table the table's name
	 * @param column the column's name
	 * @return this schema
	 */
	public Schema dropDefault(String table, String column) {
		return record(this.changes.dropDefault(table, column));
	}

	/**
	 * Drops a column's default, given as it was, so that undoing sets it again.
	 * @param table the table's name
	 * @param column the column's name
	 * @param previousSqlExpression the default being dropped, as SQL
	 * @return this schema
	 */
	public Schema dropDefault(String table, String column, String previousSqlExpression) {
		return record(this.changes.dropDefault(table, column, previousSqlExpression));
	}

	/**
	 * Adds an index without blocking writes where the database can; undone by dropping it.
	 * @param table the table's name
	 * @param name the index's name
	 * @param column the first column
	 * @param moreColumns the others, in order
	 * @return this schema
	 */
	public Schema addIndex(String table, String name, String column, String... moreColumns) {
		return record(this.changes.addIndex(table, name, list(column, moreColumns), false));
	}

	/**
	 * Adds a unique index without blocking writes where the database can; undone by dropping it.
	 * @param table the table's name
	 * @param name the index's name
	 * @param column the first column
	 * @param moreColumns the others, in order
	 * @return this schema
	 */
	public Schema addUniqueIndex(String table, String name, String column, String... moreColumns) {
		return record(this.changes.addIndex(table, name, list(column, moreColumns), true));
	}

	/**
	 * Drops an index; irreversible, see {@link #dropIndex(String, String, String, String...)}.
	 * @param table the index's table
	 * @param name the index's name
	 * @return this schema
	 */
	public Schema dropIndex(String table, String name) {
		return record(this.changes.dropIndex(table, name));
	}

	/**
	 * Drops an index whose columns are given, so that undoing builds it again.
	 * @param table the index's table
	 * @param name the index's name
	 * @param column the first column
	 * @param moreColumns the others, in order
	 * @return this schema
	 */
	public Schema dropIndex(String table, String name, String column, String... moreColumns) {
		return record(this.changes.dropIndex(table, name, list(column, moreColumns), false));
	}

	/**
	 * Drops a unique index whose columns are given, so that undoing builds it again.
	 * @param table the index's table
	 * @param name the index's name
	 * @param column the first column
	 * @param moreColumns the others, in order
	 * @return this schema
	 */
	public Schema dropUniqueIndex(String table, String name, String column, String... moreColumns) {
		return record(this.changes.dropIndex(table, name, list(column, moreColumns), true));
	}

	/**
	 * Adds a foreign key (on PostgreSQL {@code NOT VALID}, then validated without blocking
	 * writes); undone by dropping it.
	 * @param table the referencing table
	 * @param name the constraint's name
	 * @param foreignKey the definition
	 * @return this schema
	 */
	public Schema addForeignKey(String table, String name, ForeignKey foreignKey) {
		return record(this.changes.addForeignKey(table, name, foreignKey));
	}

	/**
	 * Drops a foreign key; irreversible, see {@link #dropForeignKey(String, String, ForeignKey)}.
	 * @param table the referencing table
	 * @param name the constraint's name
	 * @return this schema
	 */
	public Schema dropForeignKey(String table, String name) {
		return record(this.changes.dropForeignKey(table, name));
	}

	/**
	 * Drops a foreign key whose definition is given, so that undoing adds it again.
	 * @param table the referencing table
	 * @param name the constraint's name
	 * @param foreignKey the definition
	 * @return this schema
	 */
	public Schema dropForeignKey(String table, String name, ForeignKey foreignKey) {
		return record(this.changes.dropForeignKey(table, name, foreignKey, false));
	}

	/**
	 * Adds a check constraint (on PostgreSQL {@code NOT VALID}, then validated); undone by
	 * dropping it.
	 * @param table the table's name
	 * @param name the constraint's name
	 * @param condition the condition as SQL ({@code "price >= 0"}): trusted SQL
	 * @return this schema
	 */
	public Schema addCheck(String table, String name, String condition) {
		return record(this.changes.addCheck(table, name, condition));
	}

	/**
	 * Drops a check constraint; irreversible, see {@link #dropCheck(String, String, String)}.
	 * @param table the table's name
	 * @param name the constraint's name
	 * @return this schema
	 */
	public Schema dropCheck(String table, String name) {
		return record(this.changes.dropCheck(table, name));
	}

	/**
	 * Drops a check constraint whose condition is given, so that undoing adds it again.
	 * @param table the table's name
	 * @param name the constraint's name
	 * @param condition the condition as SQL
	 * @return this schema
	 */
	public Schema dropCheck(String table, String name, String condition) {
		return record(this.changes.dropCheck(table, name, condition));
	}

	/**
	 * Adds a unique constraint (on PostgreSQL over a unique index built concurrently); undone
	 * by dropping it.
	 * @param table the table's name
	 * @param name the constraint's name
	 * @param column the first column
	 * @param moreColumns the others, in order
	 * @return this schema
	 */
	public Schema addUnique(String table, String name, String column, String... moreColumns) {
		return record(this.changes.addUnique(table, name, list(column, moreColumns)));
	}

	/**
	 * Drops a unique constraint; irreversible, see {@link #dropUnique(String, String, String, String...)}.
	 * @param table the table's name
	 * @param name the constraint's name
	 * @return this schema
	 */
	public Schema dropUnique(String table, String name) {
		return record(this.changes.dropUnique(table, name));
	}

	/**
	 * Drops a unique constraint whose columns are given, so that undoing adds it again.
	 * @param table the table's name
	 * @param name the constraint's name
	 * @param column the first column
	 * @param moreColumns the others, in order
	 * @return this schema
	 */
	public Schema dropUnique(String table, String name, String column, String... moreColumns) {
		return record(this.changes.dropUnique(table, name, list(column, moreColumns)));
	}

	/**
	 * Creates a view; undone by dropping it.
	 * @param view the view's name
	 * @param selectSql its query: trusted SQL, never build it from input
	 * @return this schema
	 */
	public Schema createView(String view, String selectSql) {
		return record(this.changes.createView(view, selectSql));
	}

	/**
	 * Drops a view; irreversible, see {@link #dropView(String, String)}.
	 * @param view the view's name
	 * @return this schema
	 */
	public Schema dropView(String view) {
		return record(this.changes.dropView(view));
	}

	/**
	 * Drops a view whose query is given, so that undoing creates it again.
	 * @param view the view's name
	 * @param selectSql its query
	 * @return this schema
	 */
	public Schema dropView(String view, String selectSql) {
		return record(this.changes.dropView(view, selectSql));
	}

	/** The recorded changes, in order. */
	public List<SchemaChange> changes() {
		return Collections.unmodifiableList(new ArrayList<>(this.recorded));
	}

	/** The statements of all recorded changes, in order: what a dry run shows. */
	public List<SchemaStatement> statements() {
		return this.recorded.stream().flatMap((change) -> change.statements().stream()).toList();
	}

	/** Whether every recorded change can be undone. */
	public boolean reversible() {
		return this.recorded.stream().allMatch(SchemaChange::reversible);
	}

	/**
	 * A schema on the same connection and executor, with the changes that undo every recorded
	 * change, in reverse order, recorded and not applied.
	 * @return the inverse
	 * @throws IrreversibleChangeException naming each recorded change that cannot be undone
	 */
	public Schema inverse() {
		List<SchemaChange> irreversible = this.recorded.stream().filter((change) -> !change.reversible()).toList();
		if (!irreversible.isEmpty()) {
			throw new IrreversibleChangeException(irreversible.stream()
				.map(SchemaChange::irreversibleMessage)
				.collect(Collectors.joining("; ")));
		}
		Schema inverse = new Schema(this.connection, this.executor, this.changes, this.columnChanges);
		for (int i = this.recorded.size() - 1; i >= 0; i--) {
			inverse.record(this.recorded.get(i).inverse());
		}
		return inverse;
	}

	/**
	 * Runs the recorded changes not applied yet, in order. After a failure, the failed change
	 * and those after it stay pending.
	 * @throws SQLException if a statement fails
	 */
	public void apply() throws SQLException {
		while (this.applied < this.recorded.size()) {
			this.recorded.get(this.applied).apply(this.connection, this.executor);
			this.applied++;
		}
	}

	private Schema record(SchemaChange change) {
		this.recorded.add(change);
		return this;
	}

	private static TableBuilder.TableDefinition define(String table, Consumer<TableBuilder> definition) {
		TableBuilder builder = new TableBuilder(table);
		definition.accept(builder);
		return builder.build();
	}

	private static List<String> list(String first, String... more) {
		return Stream.concat(Stream.of(first), Arrays.stream(more)).toList();
	}

}
