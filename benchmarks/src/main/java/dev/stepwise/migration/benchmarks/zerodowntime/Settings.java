package dev.stepwise.migration.benchmarks.zerodowntime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's knobs, from {@code key=value} arguments; every one has a default.
 */
final class Settings {

	private static final Map<String, String> DEFAULTS = defaults();

	private final Map<String, String> values;

	private Settings(Map<String, String> values) {
		this.values = values;
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("database", "postgresql");
		defaults.put("rows", "1000000");
		defaults.put("writers", "4");
		defaults.put("throughput-seconds", "10");
		defaults.put("trigger-rounds", "12");
		defaults.put("trigger-round-seconds", "2");
		defaults.put("cap-seconds", "300");
		defaults.put("lead-seconds", "1");
		defaults.put("backfill-workers", "2");
		defaults.put("path", "both");
		defaults.put("idle-backfill", "true");
		defaults.put("references", "true");
		defaults.put("server", "as-is");
		defaults.put("competing", "0");
		defaults.put("slow-ms", "5");
		return defaults;
	}

	static Settings parse(String[] arguments) {
		Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			String key = (equals > 0) ? argument.substring(0, equals) : argument;
			if (equals < 0 || !values.containsKey(key)) {
				throw new IllegalArgumentException("Unknown argument '" + argument + "'; the arguments are key=value with"
						+ " these keys and defaults: " + DEFAULTS);
			}
			values.put(key, argument.substring(equals + 1));
		}
		return new Settings(values);
	}

	long rows() {
		return positive("rows");
	}

	int writers() {
		return (int) positive("writers");
	}

	/** Each writer-throughput run without triggers, before the expand. */
	Duration throughputRun() {
		return Duration.ofSeconds(positive("throughput-seconds"));
	}

	/** Pairs of with/without-trigger runs after the expand, alternated. */
	int triggerRounds() {
		return (int) positive("trigger-rounds");
	}

	Duration triggerRound() {
		return Duration.ofSeconds(positive("trigger-round-seconds"));
	}

	/** The longest the writers of the real run may write if the expand never ends. */
	Duration cap() {
		return Duration.ofSeconds(positive("cap-seconds"));
	}

	/** Writing before the expand starts and after it ends, in the real run. */
	Duration lead() {
		return Duration.ofSeconds(positive("lead-seconds"));
	}

	Vendor database() {
		return Vendor.of(this.values.get("database"));
	}

	/** The engine's {@code backfillWorkers}. */
	int backfillWorkers() {
		return (int) positive("backfill-workers");
	}

	/** How the engine reaches the database under load: through a pool, a URL, or one after the other. */
	List<ExpandRun.Path> paths() {
		String value = this.values.get("path");
		return switch (value) {
			case "both" -> List.of(ExpandRun.Path.POOL, ExpandRun.Path.URL);
			case "pool" -> List.of(ExpandRun.Path.POOL);
			case "url" -> List.of(ExpandRun.Path.URL);
			default -> throw new IllegalArgumentException("path must be both, pool or url, not '" + value + "'");
		};
	}

	boolean idleBackfill() {
		return bool("idle-backfill");
	}

	/** Whether the recipe and plain batches are measured under the same writers too ({@link ReferenceRun}). */
	boolean references() {
		return bool("references");
	}

	/** MariaDB only: the server as configured, or InnoDB sized for the run ({@link InnoDbSizing}). */
	boolean sizedServer() {
		String value = this.values.get("server");
		if (!value.equals("as-is") && !value.equals("sized")) {
			throw new IllegalArgumentException("server must be as-is or sized, not '" + value + "'");
		}
		if (value.equals("sized") && database() != Vendor.MARIADB) {
			throw new IllegalArgumentException("server=sized sizes MariaDB's InnoDB; PostgreSQL is measured as configured");
		}
		return value.equals("sized");
	}

	/** Busy processes competing for the cores while everything is measured. */
	int competing() {
		String value = this.values.get("competing");
		return value.equals("0") ? 0 : (int) positive("competing");
	}

	Duration slowThreshold() {
		return Duration.ofMillis(positive("slow-ms"));
	}

	@Override
	public String toString() {
		StringBuilder line = new StringBuilder();
		this.values.forEach((key, value) -> line.append((line.length() > 0) ? " " : "").append(key).append('=').append(value));
		return line.toString();
	}

	private long positive(String key) {
		String value = this.values.get(key);
		try {
			long number = Long.parseLong(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(key + " must be a positive whole number, not '" + value + "'");
	}

	private boolean bool(String key) {
		String value = this.values.get(key);
		if (!value.equals("true") && !value.equals("false")) {
			throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
		}
		return Boolean.parseBoolean(value);
	}

}
