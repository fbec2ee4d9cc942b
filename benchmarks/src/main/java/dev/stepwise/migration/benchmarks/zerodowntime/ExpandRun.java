package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.expand.ColumnChange;
import dev.stepwise.migration.expand.ExpansionSettings;
import dev.stepwise.migration.expand.Expansions;
import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.MigrationVersion;

/**
 * One expand of {@code renameColumn(table, "name", "full_name")} through the engine, timed:
 * the whole call, its DDL transaction, and the backfill after it.
 *
 * @param timeline what the expand did and when
 * @param statementTotals the engine's time per kind of statement: label to {count, nanos}
 * @param rows the table's rows
 * @param startNanos when the call started, on the run's clock
 * @param endNanos when it returned
 */
record ExpandRun(ExpandTimeline timeline, Map<String, long[]> statementTotals, long rows, long startNanos, long endNanos) {

	static ExpandRun run(ScratchDatabase database, String table, long rows, Duration targetBatchDuration,
			boolean reuseConnections, RunClock clock) throws SQLException {
		ExpandTimeline timeline = new ExpandTimeline(clock);
		try (ReusingDataSource dataSource = new ReusingDataSource(database.url(), reuseConnections, clock,
				timeline::leased)) {
			// The engine's defaults, as Stepwise would pass them.
			StepwiseConfiguration configuration = Stepwise.configure().dataSource(dataSource).build();
			ExpansionSettings settings = new ExpansionSettings(configuration.instanceStaleness(),
					configuration.backfillWorkers(), configuration.lockWaitTimeout());
			Expansions expansions = new Expansions(dataSource, DatabaseType.POSTGRESQL, settings)
				.statementExecutor(timeline.timedDdl())
				.targetBatchDuration(targetBatchDuration)
				.backfillListener(timeline::batchCommitted);
			long start = clock.now();
			expansions.expand(ColumnChange.renameColumn(table, "name", "full_name"), MigrationVersion.parse("2"));
			long end = clock.now();
			return new ExpandRun(timeline, dataSource.timings().totals(), rows, start, end);
		}
	}

	long expandNanos() {
		return this.endNanos - this.startNanos;
	}

	/** From the DDL's commit to the expand's return: the backfill, with its bookkeeping. */
	long backfillNanos() {
		return this.endNanos - this.timeline.ddlTransaction().end();
	}

	double backfillRowsPerSecond() {
		return this.rows / (backfillNanos() / 1e9);
	}

}
