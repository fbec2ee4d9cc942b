package dev.stepwise.migration.internal.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.internal.sql.ConcurrentStatement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a PostgreSQL {@code CONCURRENTLY} statement (from a script, a Java migration or the
 * schema DSL) so that it cannot break for good:
 * <ol>
 * <li>without the DDL lock timeout: such a statement waits for the transactions already
 * in the table to end, and that wait blocks no reader or writer, so it is not the
 * queue-behind-a-lock hazard the timeout guards against; a timeout would only cancel the
 * build half way and leave an INVALID index behind;</li>
 * <li>first healing what an earlier failed attempt left: an INVALID index of the name it
 * builds, the INVALID {@code _ccnew}/{@code _ccold} copies of a {@code REINDEX}, or a
 * partition still pending a concurrent detach (finished with {@code FINALIZE});</li>
 * <li>and when it fails, dropping the INVALID index it left, so the next run can build
 * it again.</li>
 * </ol>
 */
final class ConcurrentDdl {

	private static final Logger logger = LoggerFactory.getLogger(ConcurrentDdl.class);

	private static final String INVALID_INDEXES = "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
			+ " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " WHERE NOT i.indisvalid AND i.indrelid = ";

	private static final String NAMED = INVALID_INDEXES + "to_regclass(?) AND c.relname = ?";

	private static final String REINDEX_COPIES_OF_TABLE = INVALID_INDEXES + "to_regclass(?) AND c.relname ~ ?";

	private static final String REINDEX_COPIES_OF_INDEX = INVALID_INDEXES
			+ "(SELECT indrelid FROM pg_index WHERE indexrelid = to_regclass(?)) AND c.relname ~ '_cc(new|old)[0-9]*$'"
			+ " AND regexp_replace(c.relname, '_cc(new|old)[0-9]*$', '') = (SELECT relname FROM pg_class WHERE oid = to_regclass(?))";

	private static final String PENDING_DETACH = "SELECT 1 FROM pg_inherits"
			+ " WHERE inhrelid = to_regclass(?) AND inhparent = to_regclass(?) AND inhdetachpending";

	/** The suffixes PostgreSQL gives the copies that {@code REINDEX CONCURRENTLY} builds. */
	private static final String COPY_SUFFIX = "_cc(new|old)[0-9]*$";

	private ConcurrentDdl() {
	}

	/**
	 * Runs the statement, in auto-commit mode, with the healing above.
	 * @param connection a PostgreSQL connection in auto-commit mode
	 */
	static void execute(Connection connection, String sql, ConcurrentStatement statement, MigrationEvent migration)
			throws SQLException {
		String previousTimeout = lockTimeout(connection);
		setLockTimeout(connection, "0");
		try {
			if (!heal(connection, statement, migration)) {
				run(connection, sql, statement, migration);
			}
		}
		catch (SQLException | RuntimeException ex) {
			try {
				setLockTimeout(connection, previousTimeout);
			}
			catch (SQLException restore) {
				ex.addSuppressed(restore);
			}
			throw ex;
		}
		setLockTimeout(connection, previousTimeout);
	}

	private static void run(Connection connection, String sql, ConcurrentStatement statement, MigrationEvent migration)
			throws SQLException {
		try (Statement jdbc = connection.createStatement()) {
			jdbc.execute(sql);
		}
		catch (SQLException ex) {
			try {
				dropInvalid(connection, statement, migration, "it left behind when it failed");
			}
			catch (SQLException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	/** @return whether healing already did the statement's work (a pending detach finalized) */
	private static boolean heal(Connection connection, ConcurrentStatement statement, MigrationEvent migration)
			throws SQLException {
		if (statement.kind() == ConcurrentStatement.Kind.DETACH_PARTITION && isPendingDetach(connection, statement)) {
			String finalize = "ALTER TABLE " + statement.relation() + " DETACH PARTITION " + statement.partition()
					+ " FINALIZE";
			logger.warn("{}: partition {} is still pending a concurrent detach that an earlier run began; finishing it"
					+ " with {}", migration.script(), statement.partition(), finalize);
			try (Statement jdbc = connection.createStatement()) {
				jdbc.execute(finalize);
			}
			return true;
		}
		dropInvalid(connection, statement, migration, "an earlier failed attempt left behind");
		return false;
	}

	private static void dropInvalid(Connection connection, ConcurrentStatement statement, MigrationEvent migration,
			String why) throws SQLException {
		for (String index : invalidLeftovers(connection, statement)) {
			logger.warn("{}: dropping INVALID index {} that {} ({})", migration.script(), index, why,
					statement.kind().description());
			try (Statement jdbc = connection.createStatement()) {
				jdbc.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
			}
		}
	}

	private static List<String> invalidLeftovers(Connection connection, ConcurrentStatement statement)
			throws SQLException {
		String relation = statement.relation();
		if (relation == null) {
			return List.of();
		}
		if (statement.kind() == ConcurrentStatement.Kind.CREATE_INDEX && statement.index() != null) {
			return names(connection, NAMED, relation, statement.index());
		}
		if (statement.kind() == ConcurrentStatement.Kind.REINDEX) {
			if ("TABLE".equals(statement.reindexTarget())) {
				return names(connection, REINDEX_COPIES_OF_TABLE, relation, COPY_SUFFIX);
			}
			return names(connection, REINDEX_COPIES_OF_INDEX, relation, relation);
		}
		return List.of();
	}

	private static boolean isPendingDetach(Connection connection, ConcurrentStatement statement) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(PENDING_DETACH)) {
			query.setString(1, statement.partition());
			query.setString(2, statement.relation());
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

	private static List<String> names(Connection connection, String sql, String first, @Nullable String second)
			throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, first);
			query.setString(2, second);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					names.add(result.getString(1));
				}
			}
		}
		return names;
	}

	private static String lockTimeout(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_setting('lock_timeout')")) {
			result.next();
			return result.getString(1);
		}
	}

	private static void setLockTimeout(Connection connection, String value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
			statement.setString(1, value);
			statement.execute();
		}
	}

}
