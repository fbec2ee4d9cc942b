package dev.stepwise.migration.cli;

import dev.stepwise.migration.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * Versions as people read them.
 */
final class Versions {

	private Versions() {
	}

	/** A current version: {@code 0 (empty)} for a schema with nothing applied. */
	static String of(@Nullable MigrationVersion version) {
		return (version != null) ? version.toString() : "0 (empty)";
	}

	/** A migration's version, or {@code R} for a repeatable one. */
	static String orRepeatable(@Nullable MigrationVersion version) {
		return (version != null) ? version.toString() : "R";
	}

}
