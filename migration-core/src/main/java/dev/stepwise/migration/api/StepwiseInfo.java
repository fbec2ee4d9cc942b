package dev.stepwise.migration.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Every migration with its state, versioned ones by version, then repeatable ones; and the
 * column changes in flight.
 *
 * @param currentVersion the highest applied version, or {@code null} for an empty schema
 * @param migrations every migration
 * @param expansions every expanded column change, with its backfill's progress and, for a
 * deferred contract, the instances it waits for
 */
public record StepwiseInfo(@Nullable MigrationVersion currentVersion, List<MigrationInfo> migrations,
		List<Expansion> expansions) {

	public StepwiseInfo {
		migrations = List.copyOf(migrations);
		expansions = List.copyOf(expansions);
	}

	/** The migrations the next {@code migrate()} applies, in order. */
	public List<MigrationInfo> pending() {
		return this.migrations.stream()
			.filter((info) -> info.state() == MigrationState.PENDING || info.state() == MigrationState.OUTDATED)
			.toList();
	}

	/** The migrations that failed, or whose rollback failed, and wait for {@code repair()}. */
	public List<MigrationInfo> failed() {
		return this.migrations.stream()
			.filter((info) -> info.state() == MigrationState.FAILED || info.state() == MigrationState.ROLLBACK_FAILED)
			.toList();
	}

}
