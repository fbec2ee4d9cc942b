package dev.stepwise.migration.internal.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.internal.dialect.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unique index over the versions that are in effect (succeeded, not rolled back), so
 * that a second writer of the same version fails instead of recording it twice, while a
 * version that was rolled back and applied again keeps both rows. PostgreSQL has partial
 * indexes; MySQL, MariaDB and H2 index a generated column that is NULL for rows not in
 * effect (a unique index allows any number of NULLs there).
 */
final class LiveVersionFence {

	private static final Logger logger = LoggerFactory.getLogger(LiveVersionFence.class);

	private static final String IN_EFFECT = "success AND rolled_back_on IS NULL";

	private final Dialect dialect;

	private final String schema;

	private final String table;

	private final String qualifiedTable;

	LiveVersionFence(Dialect dialect, String schema, String table, String qualifiedTable) {
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
		this.qualifiedTable = qualifiedTable;
	}

	/**
	 * Adds the index where it is missing (a history table of an older Stepwise). A history
	 * that already records a version twice cannot take it: that is logged, and the run goes
	 * on without the fence rather than fail a start-up over it.
	 */
	void ensure(Connection connection) throws SQLException {
		if (indexExists(connection)) {
			return;
		}
		String index = this.dialect.quote(this.dialect.storedName(this.table + "_live_version"));
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.dialect.uniqueWhere(this.qualifiedTable, index, "version", "VARCHAR(50)", IN_EFFECT,
					"live_version", () -> columnExists(connection))) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			logger.warn("Could not add the index that keeps two runs from recording one version twice to {}.{}"
					+ " ({}); runs go on without it. If the history already records a version twice in effect,"
					+ " a run that lost its lock recorded it: check that version's changes, remove the extra"
					+ " row, and the index is added on the next run.", this.schema, this.table,
					String.valueOf(CredentialMask.mask(ex.getMessage())).strip());
		}
	}

	private boolean indexExists(Connection connection) throws SQLException {
		try (ResultSet indexes = connection.getMetaData()
			.getIndexInfo(this.dialect.metaDataCatalog(this.schema), this.dialect.metaDataSchema(this.schema),
					this.dialect.storedName(this.table), true, true)) {
			while (indexes.next()) {
				String name = indexes.getString("INDEX_NAME");
				if (name != null && name.equalsIgnoreCase(this.table + "_live_version")) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean columnExists(Connection connection) throws SQLException {
		try (ResultSet columns = connection.getMetaData()
			.getColumns(this.dialect.metaDataCatalog(this.schema), this.dialect.metaDataSchema(this.schema),
					this.dialect.storedName(this.table), "live_version")) {
			return columns.next();
		}
	}

}
