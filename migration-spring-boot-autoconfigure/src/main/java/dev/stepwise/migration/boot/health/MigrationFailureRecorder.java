package dev.stepwise.migration.boot.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.RepairResult;
import dev.stepwise.migration.api.StepwiseListener;

/**
 * Remembers the error of each migration whose last run failed, until it succeeds.
 * <p>
 * A failed migration usually leaves nothing in the history (its transaction rolled back), so without this
 * the health indicator could only say that it is pending, not why.
 */
public class MigrationFailureRecorder implements StepwiseListener {

	private final Map<String, MigrationFailure> failures = new ConcurrentHashMap<>();

	@Override
	public void afterMigrate(MigrationEvent migration, Duration executionTime) {
		this.failures.remove(migration.script());
	}

	@Override
	public void migrateFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
		this.failures.put(migration.script(), MigrationFailure.of(migration, "migrate", failure));
	}

	@Override
	public void afterRollback(MigrationEvent migration, Duration executionTime) {
		this.failures.remove(migration.script());
	}

	@Override
	public void rollbackFailed(MigrationEvent migration, Duration executionTime, Throwable failure) {
		this.failures.put(migration.script(), MigrationFailure.of(migration, "rollback", failure));
	}

	/**
	 * Forgets the failures of the migrations a repair settled: a person has put them right,
	 * and the history now says where they stand.
	 */
	@Override
	public void afterRepair(RepairResult result) {
		for (RepairResult.Action action : result.actions()) {
			String version = (action.version() != null) ? action.version().toString() : "repeatable";
			this.failures.values().removeIf((failure) -> failure.version().equals(version));
		}
	}

	/** The failures not yet followed by a success of the same script or a repair. */
	public List<MigrationFailure> failures() {
		return List.copyOf(this.failures.values());
	}

	/**
	 * A failed run of a migration.
	 *
	 * @param version the version, or {@code null} for a repeatable migration
	 * @param script the script or Java class
	 * @param operation {@code migrate} or {@code rollback}
	 * @param error the error message
	 */
	public record MigrationFailure(String version, String script, String operation, String error) {

		static MigrationFailure of(MigrationEvent migration, String operation, Throwable failure) {
			String version = (migration.version() != null) ? migration.version().toString() : "repeatable";
			return new MigrationFailure(version, migration.script(), operation, String.valueOf(failure.getMessage()));
		}

	}

}
