package dev.stepwise.migration.execute;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.MigrationContext;
import dev.stepwise.migration.MigrationEvent;
import dev.stepwise.migration.dialect.DatabaseType;

/** The context a Java migration runs with: its connection, and DDL through the retrying runner. */
final class JdbcMigrationContext implements MigrationContext {

	private final Connection connection;

	private final DatabaseType databaseType;

	private final StatementRunner runner;

	private final MigrationEvent migration;

	private final Progress progress;

	JdbcMigrationContext(Connection connection, DatabaseType databaseType, StatementRunner runner,
			MigrationEvent migration, Progress progress) {
		this.connection = connection;
		this.databaseType = databaseType;
		this.runner = runner;
		this.migration = migration;
		this.progress = progress;
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Override
	public DatabaseType databaseType() {
		return this.databaseType;
	}

	@Override
	public void execute(String sql) throws SQLException {
		this.progress.starting(sql, 0);
		this.runner.execute(this.connection, sql, this.migration);
		this.progress.finished(this.runner.commitsImplicitly(sql));
	}

}
