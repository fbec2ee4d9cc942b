package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;

/**
 * A MySQL or MariaDB {@code ALTER TABLE} that asks for a cheap algorithm
 * ({@code ALGORITHM=INSTANT}, or {@code INPLACE, LOCK=NONE}) and, when the server refuses it
 * for this change or this version, runs the same change with the server's default algorithm.
 */
final class AlgorithmFallbackStep implements Step {

	/** ER_ALTER_OPERATION_NOT_SUPPORTED: the algorithm or lock is not supported for the change. */
	private static final int NOT_SUPPORTED = 1845;

	/** ER_ALTER_OPERATION_NOT_SUPPORTED_REASON: the same, with the reason. */
	private static final int NOT_SUPPORTED_REASON = 1846;

	private final SchemaStatement preferred;

	private final SchemaStatement fallback;

	/**
	 * @param change the change without the algorithm clause ({@code ALTER TABLE t ADD COLUMN ...})
	 * @param algorithm the clause to try first ({@code ALGORITHM=INSTANT})
	 */
	AlgorithmFallbackStep(String change, String algorithm) {
		this.preferred = new SchemaStatement(change + ", " + algorithm, true);
		this.fallback = new SchemaStatement(change, true);
	}

	@Override
	public SchemaStatement statement() {
		return this.preferred;
	}

	@Override
	public void execute(Connection connection, StatementExecutor executor) throws SQLException {
		try {
			executor.execute(driverConnection(connection), this.preferred);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != NOT_SUPPORTED && ex.getErrorCode() != NOT_SUPPORTED_REASON) {
				throw ex;
			}
			executor.execute(connection, this.fallback);
		}
	}

	/**
	 * The driver's own connection under a pool's proxy: the refusal comes with SQLState
	 * {@code 0A000} (feature not supported), which pools such as HikariCP take for a broken
	 * connection and close, so the fallback would find the connection gone. The session is
	 * the same, so the statement runs exactly as it would through the proxy.
	 */
	private static Connection driverConnection(Connection connection) {
		try {
			return connection.unwrap(Connection.class);
		}
		catch (SQLException ex) {
			return connection;
		}
	}

}
