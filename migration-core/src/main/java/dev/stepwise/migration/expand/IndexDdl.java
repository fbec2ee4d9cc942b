package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;
import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * Builds and drops the indexes that expand and contract carry from one column to the
 * other, without blocking writers, each build safe to run again after a crash. One
 * subclass per database ({@link PostgresIndexDdl}, {@link MySqlIndexDdl},
 * {@link H2IndexDdl}), chosen once by {@link #of(DatabaseType)}, together with the
 * {@link IndexCatalog} it reads.
 * <p>
 * The same logic as the schema DSL's concurrent index (in {@code schema}), kept here
 * because it runs through an expand's {@link StatementExecutor}.
 */
abstract class IndexDdl {

	final Dialect dialect;

	IndexDdl(Dialect dialect) {
		this.dialect = dialect;
	}

	static IndexDdl of(DatabaseType type) {
		Dialect dialect = Dialect.of(type);
		return switch (type) {
			case POSTGRESQL -> new PostgresIndexDdl(dialect);
			case MYSQL, MARIADB -> new MySqlIndexDdl(dialect);
			case H2 -> new H2IndexDdl(dialect);
		};
	}

	/** This database's catalogue of indexes, read on a connection. */
	abstract IndexCatalog catalog(Connection connection);

	/**
	 * Builds an index unless it exists.
	 * @param connection a connection in auto-commit mode
	 * @param executor what runs each statement
	 * @param table the table
	 * @param name the index's (or constraint's) name
	 * @param kind what to build
	 * @param columns its columns
	 * @throws SQLException if the build fails
	 */
	abstract void create(Connection connection, StatementExecutor executor, String table, String name,
			CarriedIndex.Kind kind, List<String> columns) throws SQLException;

	/**
	 * A statement that drops an index (or constraint) that exists, in a transaction where the
	 * database allows.
	 */
	String drop(String table, String name, CarriedIndex.Kind kind) {
		return (kind == CarriedIndex.Kind.UNIQUE_CONSTRAINT)
				? "ALTER TABLE " + q(table) + " DROP CONSTRAINT IF EXISTS " + q(name) : "DROP INDEX IF EXISTS " + q(name);
	}

	/**
	 * Statements that rename an index (or unique constraint) of the table, or none if it has
	 * no index of that name.
	 * @param connection the connection, to read the catalogue
	 * @param table the table
	 * @param from the current name
	 * @param to the new name
	 * @param freedFirst whether a statement that runs before these frees {@code to}; if not,
	 * nothing is renamed while {@code to} is taken
	 * @param kind what it is
	 * @return the statements, each one cheap (it changes only the catalogue)
	 * @throws SQLException if the catalogue cannot be read
	 */
	List<String> rename(Connection connection, String table, String from, String to, boolean freedFirst,
			CarriedIndex.Kind kind) throws SQLException {
		Set<String> names = catalog(connection).takenNames(table);
		if (!names.contains(this.dialect.indexNameKey(from))
				|| (!freedFirst && names.contains(this.dialect.indexNameKey(to)))) {
			return List.of();
		}
		return renameStatements(connection, table, from, to, kind);
	}

	/** The statements of {@link #rename}, once the catalogue has the index and frees its new name. */
	abstract List<String> renameStatements(Connection connection, String table, String from, String to,
			CarriedIndex.Kind kind) throws SQLException;

	final String columnList(List<String> columns) {
		return columns.stream().map(this::q).collect(Collectors.joining(", "));
	}

	final String q(String identifier) {
		return this.dialect.quote(identifier);
	}

	/**
	 * A statement of a build: on PostgreSQL a concurrent one, which must run outside a
	 * transaction; elsewhere one that may run in one.
	 */
	final SchemaStatement statement(String sql) {
		return new SchemaStatement(sql, !this.dialect.buildsIndexesConcurrently());
	}

}
