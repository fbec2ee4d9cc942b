package dev.stepwise.migration.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;

/**
 * The verify hook of the invoker builds that run on a database server (PostgreSQL and
 * MariaDB, one build each, alike but for the driver): what their build log must say, in one
 * place for both, and their database dropped afterwards whatever the outcome.
 */
public final class ServerBuild {

	/** What the three invocations of {@code invoker.properties} log. */
	private static final List<String> LOGGED = List.of("Migrated from version 0 (empty) to 2: 2 migration(s)",
			"1 migration(s) would be rolled back, from version 2 to 1", "ALTER TABLE users DROP COLUMN email;",
			"Rolled back from version 2 to 1: 1 migration(s)", "Current version: 1; 0 pending",
			"Valid: the migrations match the history");

	private ServerBuild() {
	}

	public static void verify(File basedir) throws IOException, SQLException {
		try {
			String log = Files.readString(basedir.toPath().resolve("build.log"));
			for (String line : LOGGED) {
				if (!log.contains(line)) {
					throw new AssertionError("build.log of " + basedir.getName() + " lacks: " + line);
				}
			}
		}
		finally {
			ItDatabase.drop(basedir);
		}
	}

}
