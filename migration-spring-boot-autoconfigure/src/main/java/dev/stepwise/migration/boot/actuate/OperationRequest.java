package dev.stepwise.migration.boot.actuate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.MigrateOptions;
import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RepairRequest;
import dev.stepwise.migration.api.RollbackRequest;
import org.jspecify.annotations.Nullable;

/**
 * The body of a write operation on the endpoint, checked: each method throws
 * {@link IllegalArgumentException} with a message for the caller when the input is wrong.
 */
record OperationRequest(@Nullable String target, @Nullable Integer count, boolean dryRun, @Nullable String change,
		@Nullable String engine, @Nullable String markRolledBack, @Nullable String markApplied) {

	private static final Set<String> OPERATIONS = Set.of("rollback", "migrate", "contract", "repair");

	static void checkOperation(String operation) {
		if (!OPERATIONS.contains(operation)) {
			throw new IllegalArgumentException("Unknown operation '" + InputEcho.cut(operation, InputEcho.MAX_LENGTH)
					+ "': POST /actuator/migrations/rollback, /actuator/migrations/migrate, /actuator/migrations/contract"
					+ " or /actuator/migrations/repair");
		}
	}

	/**
	 * Picks the engine: the one named, or the only one.
	 */
	String engineName(Map<String, Stepwise> engines) {
		if (this.engine != null) {
			if (!engines.containsKey(this.engine)) {
				throw new IllegalArgumentException("No engine named '" + InputEcho.cut(this.engine, InputEcho.MAX_LENGTH)
						+ "': use one of " + engines.keySet());
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
		noChange("rollback");
		noMarks("rollback");
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
		noChange("migrate");
		noMarks("migrate");
		if (this.target != null || this.count != null) {
			throw new IllegalArgumentException(
					"migrate applies everything pending and takes only \"dryRun\": leave out \"target\" and \"count\"");
		}
		MigrateOptions options = MigrateOptions.defaults().includingRolledBack();
		return this.dryRun ? options.asDryRun() : options;
	}

	/**
	 * The change to contract: one the engine expanded, named by its id.
	 */
	String contract(Stepwise engine) {
		if (this.target != null || this.count != null || this.dryRun || this.markRolledBack != null
				|| this.markApplied != null) {
			throw new IllegalArgumentException("contract takes only \"change\" (and \"engine\"): leave out \"target\","
					+ " \"count\", \"dryRun\", \"markRolledBack\" and \"markApplied\"");
		}
		if (this.change == null || this.change.isBlank()) {
			throw new IllegalArgumentException("Say what to contract: {\"change\": \"<table>.<new_column>\"},"
					+ " as GET /actuator/migrations lists it under \"expansions\"");
		}
		List<String> expanded = engine.expansions().stream().map(Expansion::id).toList();
		if (!expanded.contains(this.change)) {
			throw new IllegalArgumentException("Unknown change '" + InputEcho.cut(this.change, InputEcho.MAX_LENGTH) + "': "
					+ (expanded.isEmpty() ? "nothing was expanded" : "expanded changes are " + expanded)
					+ "; ids are <table>.<new_column> in lower case");
		}
		return this.change;
	}

	/**
	 * The repair this body asks for: FAILED records and checksums always, and a failed
	 * rollback settled the way the body says.
	 */
	RepairRequest repair() {
		noChange("repair");
		if (this.target != null || this.count != null) {
			throw new IllegalArgumentException("repair takes only \"dryRun\", \"markRolledBack\" and \"markApplied\":"
					+ " leave out \"target\" and \"count\"");
		}
		RepairRequest request = RepairRequest.defaults();
		if (this.markRolledBack != null) {
			request = request.markRolledBack(this.markRolledBack);
		}
		if (this.markApplied != null) {
			request = request.markApplied(this.markApplied);
		}
		return this.dryRun ? request.asDryRun() : request;
	}

	private void noMarks(String operation) {
		if (this.markRolledBack != null || this.markApplied != null) {
			throw new IllegalArgumentException(operation + " does not take \"markRolledBack\" or \"markApplied\":"
					+ " POST /actuator/migrations/repair settles a failed rollback");
		}
	}

	private void noChange(String operation) {
		if (this.change != null) {
			throw new IllegalArgumentException(operation + " does not take \"change\": POST /actuator/migrations/contract"
					+ " contracts a change");
		}
	}

	private static String knownVersion(Stepwise engine, String target) {
		MigrationVersion version;
		try {
			version = MigrationVersion.parse(target);
		}
		catch (IllegalArgumentException ex) {
			// The engine's message quotes the whole input; a caller's input is echoed cut.
			throw new IllegalArgumentException("Invalid migration version " + InputEcho.quoted(target)
					+ " in \"target\": versions are numbers separated by dots, as GET /actuator/migrations lists them");
		}
		if (version.equals(MigrationVersion.EMPTY)) {
			return target;
		}
		boolean known = engine.info().migrations().stream().map(MigrationInfo::version).anyMatch(version::equals);
		if (!known) {
			throw new IllegalArgumentException("Unknown version '" + InputEcho.cut(target, InputEcho.MAX_LENGTH)
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
