package dev.stepwise.migration.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.backfill.Backfill;
import dev.stepwise.migration.expand.Expansions;
import dev.stepwise.migration.java.MigrationContext;
import dev.stepwise.migration.schema.ColumnChanges;
import dev.stepwise.migration.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The context a Java migration runs with: its connection, and SQL and schema changes
 * through the engine's retrying runner, tracked for error messages.
 */
final class JdbcMigrationContext implements MigrationContext {

	private final Connection connection;

	private final DatabaseType databaseType;

	private final RetryingStatementRunner runner;

	private final MigrationEvent migration;

	private final Progress progress;

	private final @Nullable ColumnChanges columnChanges;

	private final DataSource dataSource;

	private final @Nullable String stateSchema;

	JdbcMigrationContext(Connection connection, DatabaseType databaseType, RetryingStatementRunner runner,
			MigrationEvent migration, Progress progress, DataSource dataSource, Expansions expansions) {
		this.dataSource = dataSource;
		this.stateSchema = expansions.stateSchema();
		this.connection = connection;
		this.databaseType = databaseType;
		this.runner = runner;
		this.migration = migration;
		this.progress = progress;
		// A repeatable migration has no version to record an expand under.
		this.columnChanges = (migration.version() != null)
				? new EngineColumnChanges(expansions, migration.version(), progress) : null;
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

	@Override
	public Schema schema() throws SQLException {
		return Schema.on(this.connection, this.databaseType, this::run, this.columnChanges);
	}

	@Override
	public Backfill backfill(String table) throws SQLException {
		this.progress.commitSoFar(this.connection);
		return Backfill.of(this.dataSource, this.databaseType, table).stateSchema(this.stateSchema);
	}

	/**
	 * Runs one DSL statement. One that cannot run in a transaction commits what the
	 * migration did so far (it can no longer be rolled back), runs on its own, and the
	 * transaction resumes after it.
	 */
	private void run(Connection connection, SchemaStatement statement) throws SQLException {
		if (statement.transactional() || connection.getAutoCommit()) {
			execute(statement.sql());
			return;
		}
		this.progress.commitSoFar(connection);
		connection.setAutoCommit(true);
		try {
			this.progress.starting(statement.sql(), 0);
			this.runner.execute(connection, statement.sql(), this.migration);
			this.progress.finished(true);
		}
		finally {
			connection.setAutoCommit(false);
		}
	}

}
