package dev.stepwise.migration.boot.actuate;

import java.util.Map;
import java.util.Set;

import dev.stepwise.migration.MigrateOptions;
import dev.stepwise.migration.MigrationInfo;
import dev.stepwise.migration.RollbackRequest;
import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.version.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * The body of a write operation on the endpoint, checked: each method throws
 * {@link IllegalArgumentException} with a message for the caller when the input is wrong.
 */
record OperationRequest(@Nullable String target, @Nullable Integer count, boolean dryRun,
		@Nullable String engine) {

	private static final Set<String> OPERATIONS = Set.of("rollback", "migrate");

	static void checkOperation(String operation) {
		if (!OPERATIONS.contains(operation)) {
			throw new IllegalArgumentException("Unknown operation '" + operation
					+ "': POST /actuator/migrations/rollback or /actuator/migrations/migrate");
		}
	}

	/**
	 * Picks the engine: the one named, or the only one.
	 */
	String engineName(Map<String, Stepwise> engines) {
		if (this.engine != null) {
			if (!engines.containsKey(this.engine)) {
				throw new IllegalArgumentException("No engine named '" + this.engine + "': use one of " + engines.keySet());
			}
			return this.engine;
		}
		if (engines.size() > 1) {
			throw new IllegalArgumentException("Several engines " + engines.keySet()
					+ ": name the one to change with \"engine\", for example {\"engine\": \""
					+ engines.keySet().iterator().next() + "\", ...}");
		}
		return engines.keySet().iterator().next();
	}

	/**
	 * The rollback this body asks for: exactly one of a known target version and a positive
	 * count.
	 */
	RollbackRequest rollback(Stepwise engine) {
		if (this.target != null && this.count != null) {
			throw new IllegalArgumentException("Give either \"target\" or \"count\", not both");
		}
		if (this.target == null && this.count == null) {
			throw new IllegalArgumentException(
					"Say what to roll back: {\"target\": \"<version>\"} undoes everything above that version,"
							+ " {\"count\": <n>} undoes the n most recent migrations");
		}
		RollbackRequest request = (this.target != null) ? RollbackRequest.toVersion(knownVersion(engine, this.target))
				: RollbackRequest.last(positive(this.count));
		return this.dryRun ? request.asDryRun() : request;
	}

	/**
	 * The options of a migrate: re-applying rolled back migrations, since an operator who asks
	 * to migrate wants the latest schema.
	 */
	MigrateOptions migrate() {
		if (this.target != null || this.count != null) {
			throw new IllegalArgumentException(
					"migrate applies everything pending and takes only \"dryRun\": leave out \"target\" and \"count\"");
		}
		MigrateOptions options = MigrateOptions.defaults().includingRolledBack();
		return this.dryRun ? options.asDryRun() : options;
	}

	private static String knownVersion(Stepwise engine, String target) {
		MigrationVersion version = MigrationVersion.parse(target);
		if (version.equals(MigrationVersion.EMPTY)) {
			return target;
		}
		boolean known = engine.info().migrations().stream().map(MigrationInfo::version).anyMatch(version::equals);
		if (!known) {
			throw new IllegalArgumentException("Unknown version '" + target
					+ "': GET /actuator/migrations lists the versions; \"0\" rolls back everything");
		}
		return target;
	}

	private static int positive(@Nullable Integer count) {
		if (count == null || count < 1) {
			throw new IllegalArgumentException("\"count\" must be at least 1, got " + count);
		}
		return count;
	}

}
