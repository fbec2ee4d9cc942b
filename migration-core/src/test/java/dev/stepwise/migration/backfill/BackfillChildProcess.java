package dev.stepwise.migration.backfill;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.migration.api.DatabaseType;

/**
 * A backfill in a JVM of its own, slowed down so that a test can kill it midway. Prints
 * {@code batch <n>} after each committed batch.
 * <p>
 * Arguments: the JDBC URL, the table, the backfill's name, the number of workers.
 */
public final class BackfillChildProcess {

	private BackfillChildProcess() {
	}

	public static void main(String[] args) throws Exception {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(args[0]);
			int workers = Integer.parseInt(args[3]);
			dataSource.setMaximumPoolSize(workers + 1);
			int[] batches = { 0 };
			Backfill.of(dataSource, DatabaseType.POSTGRESQL, args[1])
				.named(args[2])
				.set("full_name", KillMidwayPostgresTest.FULL_NAME)
				.initialBatchSize(KillMidwayPostgresTest.BATCH_SIZE)
				.maximumBatchSize(KillMidwayPostgresTest.BATCH_SIZE)
				.targetBatchDuration(Duration.ofSeconds(10))
				.pauseBetweenBatches(Duration.ofMillis(100))
				.workers(workers)
				.listener((progress) -> {
					System.out.println("batch " + (++batches[0]));
					System.out.flush();
				})
				.run();
		}
	}

}
