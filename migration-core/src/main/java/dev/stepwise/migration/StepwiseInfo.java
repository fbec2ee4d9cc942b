package dev.stepwise.migration;

import java.util.List;

import dev.stepwise.migration.version.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * Every migration with its state, in order: applied history first (by rank), then what
 * is pending.
 *
 * @param currentVersion the highest applied version, or {@code null} for an empty schema
 * @param migrations every migration
 */
public record StepwiseInfo(@Nullable MigrationVersion currentVersion, List<MigrationInfo> migrations) {

	public StepwiseInfo {
		migrations = List.copyOf(migrations);
	}

	/** The migrations the next {@code migrate()} applies, in order. */
	public List<MigrationInfo> pending() {
		return this.migrations.stream()
			.filter((info) -> info.state() == MigrationState.PENDING || info.state() == MigrationState.OUTDATED)
			.toList();
	}

	/** The migrations that failed and wait for {@code repair()}. */
	public List<MigrationInfo> failed() {
		return this.migrations.stream().filter((info) -> info.state() == MigrationState.FAILED).toList();
	}

}
