package dev.stepwise.migration.internal.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.dialect.Instants;
import org.jspecify.annotations.Nullable;

/**
 * Flyway's history table, read only: its rows translated into Stepwise's, so that a database
 * Flyway migrated can be adopted in place.
 * <p>
 * The translation:
 * <ol>
 * <li>{@code SQL} stays {@code SQL}; {@code JDBC} and {@code SPRING_JDBC} become
 * {@code JAVA};</li>
 * <li>{@code BASELINE}, {@code SQL_BASELINE}, {@code JDBC_BASELINE} and Flyway's schema
 * creation marker ({@code SCHEMA}) become {@code BASELINE};</li>
 * <li>Flyway's note that it created its table ({@code TABLE}, rank -1) is not a
 * migration and is left out;</li>
 * <li>an undo ({@code UNDO_SQL}, {@code UNDO_JDBC}) or a deletion by {@code repair}
 * ({@code DELETE}) is not a row of its own here: it marks the row it undid as rolled back,
 * which is what Stepwise records for an undo;</li>
 * <li>any other type is refused, naming it, rather than guessed.</li>
 * </ol>
 */
public final class FlywayHistory {

	private static final List<String> COLUMNS = List.of("installed_rank", "version", "description", "type", "script",
			"checksum", "installed_by", "installed_on", "execution_time", "success");

	private final Dialect dialect;

	private final String schema;

	private final String table;

	public FlywayHistory(Dialect dialect, String schema, String table) {
		this.dialect = dialect;
		this.schema = schema;
		this.table = table;
	}

	/** The table's name as shown to people. */
	public String name() {
		return this.schema + "." + this.table;
	}

	/**
	 * The table's name as stored, or {@code null} when it does not exist. Flyway quotes its
	 * names, so on H2 the table is lower case where Stepwise's own would be upper case: both
	 * spellings are looked for.
	 */
	private @Nullable String storedName(Connection connection) throws SQLException {
		for (String candidate : List.of(this.table, this.dialect.storedName(this.table))) {
			try (ResultSet tables = connection.getMetaData()
				.getTables(this.dialect.metaDataCatalog(this.schema), this.dialect.metaDataSchema(this.schema), candidate,
						null)) {
				if (tables.next()) {
					return candidate;
				}
			}
		}
		return null;
	}

	/** Whether the table exists. */
	public boolean exists(Connection connection) throws SQLException {
		return storedName(connection) != null;
	}

	/**
	 * Reads the table's rows, in rank order, exactly as Flyway wrote them; {@code null} when
	 * the table does not exist.
	 */
	public @Nullable List<FlywayRow> read(Connection connection) throws SQLException {
		String stored = storedName(connection);
		if (stored == null) {
			return null;
		}
		// Flyway quotes its column names too: where the table kept its lower-case name, so did they.
		boolean quoted = stored.equals(this.table);
		List<String> columns = new ArrayList<>();
		for (String column : COLUMNS) {
			String name = quoted ? this.dialect.quote(column) : column;
			// Flyway's time has no zone: the database's clock wrote it in the session's zone.
			columns.add(column.equals("installed_on")
					? Instants.wallClock(this.dialect.type(), name) + " AS installed_on" : name);
		}
		List<FlywayRow> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM "
						+ this.dialect.quote(this.schema) + "." + this.dialect.quote(stored) + " ORDER BY "
						+ columns.get(0))) {
			while (result.next()) {
				int checksum = result.getInt("checksum");
				boolean checksumNull = result.wasNull();
				rows.add(new FlywayRow(result.getInt("installed_rank"), result.getString("version"),
						result.getString("description"), result.getString("type"), result.getString("script"),
						checksumNull ? null : checksum, result.getString("installed_by"),
						Instants.getWallClock(this.dialect.type(), result, "installed_on"), result.getLong("execution_time"),
						result.getBoolean("success")));
			}
		}
		return rows;
	}

	/**
	 * Translates Flyway's rows into Stepwise's, keeping ranks, checksums, installers and times.
	 * @throws StepwiseException naming a row whose type has no counterpart here
	 */
	public List<AppliedMigration> translate(List<FlywayRow> rows) {
		Map<Integer, AppliedMigration> translated = new LinkedHashMap<>();
		Map<String, Integer> latestRankByVersion = new LinkedHashMap<>();
		for (FlywayRow row : rows) {
			String type = row.type().toUpperCase(java.util.Locale.ROOT);
			switch (type) {
				case "TABLE" -> {
				}
				case "UNDO_SQL", "UNDO_JDBC", "DELETE" -> {
					Integer undone = (row.version() != null) ? latestRankByVersion.get(row.version()) : null;
					if (undone != null && row.success()) {
						AppliedMigration before = translated.get(undone);
						translated.put(undone, new AppliedMigration(before.installedRank(), before.version(),
								before.description(), before.type(), before.script(), before.checksum(),
								before.installedBy(), before.installedOn(), before.executionTime(), before.success(),
								row.installedBy(), row.installedOn(),
								type.equals("DELETE") ? "deleted by Flyway repair" : row.script()));
					}
				}
				default -> {
					AppliedMigration applied = new AppliedMigration(row.installedRank(),
							(row.version() != null) ? MigrationVersion.parse(row.version()) : null, row.description(),
							typeOf(row), row.script(), row.checksum(), row.installedBy(), row.installedOn(),
							Duration.ofMillis(row.executionTimeMillis()), row.success(), null, null, null);
					translated.put(row.installedRank(), applied);
					if (row.version() != null) {
						latestRankByVersion.put(row.version(), row.installedRank());
					}
				}
			}
		}
		return List.copyOf(translated.values());
	}

	private MigrationType typeOf(FlywayRow row) {
		return switch (row.type().toUpperCase(java.util.Locale.ROOT)) {
			case "SQL" -> MigrationType.SQL;
			case "JDBC", "SPRING_JDBC" -> MigrationType.JAVA;
			case "BASELINE", "SQL_BASELINE", "JDBC_BASELINE", "SCHEMA" -> MigrationType.BASELINE;
			default -> throw new StepwiseException("Cannot adopt " + name() + ": row " + row.installedRank() + " ("
					+ row.script() + ") is a Flyway migration of type " + row.type() + ", which Stepwise does not run."
					+ " Nothing was changed. Keep migrating this database with Flyway, or set"
					+ " stepwise.flyway-adoption=off (flywayAdoption(OFF)) and baseline it instead.");
		};
	}

}
