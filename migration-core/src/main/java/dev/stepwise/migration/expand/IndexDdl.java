package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.stepwise.migration.api.DatabaseType;

/**
 * Builds and drops the indexes that expand and contract carry from one column to the
 * other, without blocking writers, each build safe to run again after a crash:
 * <ol>
 * <li>PostgreSQL: {@code CREATE [UNIQUE] INDEX CONCURRENTLY} on a connection in auto-commit
 * mode. An index of that name left {@code INVALID} by an earlier failed build is dropped
 * first, and a valid one is kept. A build that fails and leaves an invalid index drops it
 * and runs once more, unless it failed on a duplicate, which a rebuild would only repeat.
 * A unique constraint then adopts the index ({@code ADD CONSTRAINT ... UNIQUE USING
 * INDEX}).</li>
 * <li>MySQL and MariaDB: {@code ADD [UNIQUE] INDEX} with {@code ALGORITHM=INPLACE,
 * LOCK=NONE}, or the server's default algorithm where it refuses that, unless the
 * catalogue has the index already.</li>
 * <li>H2: {@code CREATE [UNIQUE] INDEX IF NOT EXISTS}, or {@code ADD CONSTRAINT IF NOT
 * EXISTS ... UNIQUE}.</li>
 * </ol>
 * The same logic as the schema DSL's concurrent index (in {@code schema}), kept here
 * because it runs through an expand's {@link DdlRunner}.
 */
final class IndexDdl {

	private static final String UNIQUE_VIOLATION = "23505";

	/** ER_ALTER_OPERATION_NOT_SUPPORTED(_REASON): the algorithm or lock is not supported here. */
	private static final List<Integer> ALGORITHM_REFUSED = List.of(1845, 1846);

	private final DatabaseType type;

	IndexDdl(DatabaseType type) {
		this.type = type;
	}

	/**
	 * Builds an index unless it exists.
	 * @param connection a connection in auto-commit mode
	 * @param runner what runs each statement
	 * @param table the table
	 * @param name the index's (or constraint's) name
	 * @param kind what to build
	 * @param columns its columns
	 * @throws SQLException if the build fails
	 */
	void create(Connection connection, DdlRunner runner, String table, String name, CarriedIndex.Kind kind,
			List<String> columns) throws SQLException {
		String columnList = columns.stream().map(this::q).collect(Collectors.joining(", "));
		switch (this.type) {
			case POSTGRESQL -> createConcurrently(connection, runner, table, name, kind, columnList);
			case MYSQL, MARIADB -> {
				// The catalogue rather than IF NOT EXISTS, which MySQL does not know.
				if (new IndexCatalog(connection, this.type).takenNames(table).contains(name.toLowerCase(Locale.ROOT))) {
					return;
				}
				String change = "ALTER TABLE " + q(table) + " ADD " + ((kind != CarriedIndex.Kind.INDEX) ? "UNIQUE " : "")
						+ "INDEX " + q(name) + " (" + columnList + ")";
				try {
					// The driver's own connection: a pool takes the refusal's SQLState 0A000 for a broken connection.
					runner.execute(connection.unwrap(Connection.class), List.of(change + ", ALGORITHM=INPLACE, LOCK=NONE"));
				}
				catch (SQLException ex) {
					if (!ALGORITHM_REFUSED.contains(ex.getErrorCode())) {
						throw ex;
					}
					runner.execute(connection, List.of(change));
				}
			}
			case H2 -> runner.execute(connection, List.of((kind == CarriedIndex.Kind.UNIQUE_CONSTRAINT)
					? "ALTER TABLE " + q(table) + " ADD CONSTRAINT IF NOT EXISTS " + q(name) + " UNIQUE (" + columnList + ")"
					: "CREATE " + ((kind == CarriedIndex.Kind.UNIQUE_INDEX) ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + q(name)
							+ " ON " + q(table) + " (" + columnList + ")"));
		}
	}

	/**
	 * A statement that drops an index (or constraint) that exists, in a transaction where the
	 * database allows.
	 */
	String drop(String table, String name, CarriedIndex.Kind kind) {
		if (this.type.isMySqlFamily()) {
			return "ALTER TABLE " + q(table) + " DROP INDEX " + q(name);
		}
		return (kind == CarriedIndex.Kind.UNIQUE_CONSTRAINT)
				? "ALTER TABLE " + q(table) + " DROP CONSTRAINT IF EXISTS " + q(name) : "DROP INDEX IF EXISTS " + q(name);
	}

	/**
	 * Statements that rename an index (or unique constraint) of the table, or none if it has
	 * no index of that name: {@code ALTER INDEX ... RENAME} on PostgreSQL (which renames the
	 * constraint that owns it too), {@code RENAME INDEX} on MySQL and MariaDB, and on H2 the
	 * constraint and the index it generated for itself.
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
		Set<String> names = new IndexCatalog(connection, this.type).takenNames(table);
		boolean mySql = this.type.isMySqlFamily();
		if (!names.contains(mySql ? from.toLowerCase(Locale.ROOT) : from)
				|| (!freedFirst && names.contains(mySql ? to.toLowerCase(Locale.ROOT) : to))) {
			return List.of();
		}
		return switch (this.type) {
			case POSTGRESQL -> List.of("ALTER INDEX " + q(from) + " RENAME TO " + q(to));
			case MYSQL, MARIADB -> List.of("ALTER TABLE " + q(table) + " RENAME INDEX " + q(from) + " TO " + q(to));
			case H2 -> {
				if (kind != CarriedIndex.Kind.UNIQUE_CONSTRAINT) {
					yield List.of("ALTER INDEX " + q(from) + " RENAME TO " + q(to));
				}
				List<String> statements = new ArrayList<>();
				statements.add("ALTER TABLE " + q(table) + " RENAME CONSTRAINT " + q(from) + " TO " + q(to));
				String index = new IndexCatalog(connection, this.type).h2ConstraintIndex(from);
				if (index != null && index.startsWith(from)) {
					statements.add("ALTER INDEX " + q(index) + " RENAME TO " + q(to + index.substring(from.length())));
				}
				yield statements;
			}
		};
	}

	private void createConcurrently(Connection connection, DdlRunner runner, String table, String name,
			CarriedIndex.Kind kind, String columnList) throws SQLException {
		IndexCatalog catalog = new IndexCatalog(connection, this.type);
		String create = "CREATE " + ((kind != CarriedIndex.Kind.INDEX) ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + q(name)
				+ " ON " + q(table) + " (" + columnList + ")";
		Boolean valid = catalog.postgresIndexValid(name);
		if (Boolean.FALSE.equals(valid)) {
			dropInvalid(connection, runner, name);
		}
		if (!Boolean.TRUE.equals(valid)) {
			try {
				runner.execute(connection, List.of(create));
			}
			catch (SQLException ex) {
				boolean leftInvalid = Boolean.FALSE.equals(catalog.postgresIndexValid(name));
				if (leftInvalid) {
					dropInvalid(connection, runner, name);
				}
				if (!leftInvalid || UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				try {
					runner.execute(connection, List.of(create));
				}
				catch (SQLException again) {
					again.addSuppressed(ex);
					if (Boolean.FALSE.equals(catalog.postgresIndexValid(name))) {
						dropInvalid(connection, runner, name);
					}
					throw again;
				}
			}
		}
		if (kind == CarriedIndex.Kind.UNIQUE_CONSTRAINT && !catalog.postgresHasConstraint(table, name)) {
			runner.execute(connection,
					List.of("ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(name) + " UNIQUE USING INDEX " + q(name)));
		}
	}

	private void dropInvalid(Connection connection, DdlRunner runner, String name) throws SQLException {
		runner.execute(connection, List.of("DROP INDEX CONCURRENTLY IF EXISTS " + q(name)));
	}

	private String q(String identifier) {
		return this.type.quote(identifier);
	}

}
