package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;

/**
 * Drops the index MySQL and MariaDB created, named after the constraint, when a foreign key
 * was added to columns no index covered; dropping the foreign key keeps that index, so
 * undoing an {@code addForeignKey} must drop it too to leave the table as it was.
 */
final class MySqlDropForeignKeyIndexStep implements Step {

	private static final String INDEX = "SELECT 1 FROM information_schema.STATISTICS"
			+ " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ?";

	private final Identifiers identifiers;

	private final String table;

	private final String constraint;

	MySqlDropForeignKeyIndexStep(Identifiers identifiers, String table, String constraint) {
		this.identifiers = identifiers;
		this.table = table;
		this.constraint = constraint;
	}

	@Override
	public SchemaStatement statement() {
		return new SchemaStatement(dropSql() + " /* if the foreign key created it */", true);
	}

	@Override
	public void execute(Connection connection, StatementExecutor executor) throws SQLException {
		if (indexExists(connection)) {
			executor.execute(connection, new SchemaStatement(dropSql(), true));
		}
	}

	private String dropSql() {
		return "ALTER TABLE " + this.identifiers.quote(this.table) + " DROP INDEX "
				+ this.identifiers.quote(this.constraint);
	}

	private boolean indexExists(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(INDEX)) {
			query.setString(1, this.identifiers.stored(this.table));
			query.setString(2, this.identifiers.stored(this.constraint));
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

}
