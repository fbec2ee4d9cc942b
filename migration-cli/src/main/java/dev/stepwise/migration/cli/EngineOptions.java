package dev.stepwise.migration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.tool.ConfigFile;
import dev.stepwise.migration.tool.EngineSettings;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options every command that reaches the database shares: where the database is, how
 * to configure the engine, and how to print.
 */
final class EngineOptions {

	@Option(names = "--url", description = "JDBC URL of the database (stepwise.url, spring.datasource.url, STEPWISE_URL).")
	@Nullable String url;

	@Option(names = "--user", description = "Database user (stepwise.user, spring.datasource.username, STEPWISE_USER).")
	@Nullable String user;

	@Option(names = "--password", arity = "0", interactive = true,
			description = "Ask for the password on the terminal, without echo.")
	char @Nullable [] password;

	@Option(names = "--password-env", paramLabel = "VARIABLE",
			description = "Read the password from this environment variable (default: STEPWISE_PASSWORD).")
	@Nullable String passwordEnvironment;

	@Option(names = "--password-file", paramLabel = "FILE",
			description = "Read the password from the first line of this file (or STEPWISE_PASSWORD_FILE).")
	@Nullable Path passwordFile;

	@Option(names = { "-c", "--config" }, paramLabel = "FILE",
			description = "A .properties or .yml file with stepwise.* (and spring.datasource.*) settings,"
					+ " a Spring Boot application.yml included (or STEPWISE_CONFIG).")
	@Nullable Path config;

	@Option(names = "--profile", split = ",", paramLabel = "PROFILE",
			description = "Spring profiles to activate in the configuration file (or STEPWISE_PROFILE).")
	List<String> profiles = new ArrayList<>();

	@Option(names = "--locations", split = ",", paramLabel = "LOCATION",
			description = "Where migrations are: classpath:db/migration (the default) or filesystem:path.")
	List<String> locations = new ArrayList<>();

	@Option(names = "--table", description = "The history table (default stepwise_history).")
	@Nullable String table;

	@Option(names = "--schema", description = "The schema of the history table (default: the connection's).")
	@Nullable String schema;

	@Option(names = "--placeholder", paramLabel = "NAME=VALUE", description = "A value for ${NAME} in scripts.")
	Map<String, String> placeholders = new LinkedHashMap<>();

	@Option(names = "--set", paramLabel = "PROPERTY=VALUE",
			description = "Any other stepwise.* property, such as lock-wait-timeout=10s or out-of-order=true.")
	Map<String, String> properties = new LinkedHashMap<>();

	@Option(names = { "-cp", "--class-path" }, split = "[:;]", splitSynopsisLabel = ":", paramLabel = "PATH",
			description = "Jars and directories with Java migrations and classpath: scripts, such as target/classes.")
	List<Path> classPath = new ArrayList<>();

	@Option(names = "--driver-path", split = "[:;]", splitSynopsisLabel = ":", paramLabel = "PATH",
			description = "Jars of JDBC drivers other than the PostgreSQL, MariaDB and H2 ones inside.")
	List<Path> driverPath = new ArrayList<>();

	@Option(names = "--json", description = "Print JSON for scripts instead of tables.")
	boolean json;

	@Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
	boolean stacktrace;

	@Option(names = "--progress-interval", paramLabel = "DURATION",
			description = "How often a long run reports its backfills: default 1s on a terminal, 10s in a log.")
	@Nullable String progressInterval;

	@Option(names = { "-v", "--verbose" }, description = "Log what the engine does, and each SQL statement it runs.")
	boolean verbose;

	/** How often to report progress: often where a person watches, sparingly in a log. */
	Duration progressInterval(boolean terminal) {
		if (this.progressInterval == null) {
			return terminal ? Duration.ofSeconds(1) : Duration.ofSeconds(10);
		}
		try {
			Duration interval = EngineSettings.duration(this.progressInterval);
			if (interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("a positive duration is expected, got '" + this.progressInterval + "'");
			}
			return interval;
		}
		catch (IllegalArgumentException ex) {
			throw CliException.usage("Bad value for --progress-interval: " + ex.getMessage());
		}
	}

	/**
	 * The settings from every source, flags winning.
	 * @param environment the process environment
	 * @param commandFlags the settings that the command's own flags give, such as migrate's target
	 */
	Settings settings(Map<String, String> environment, Map<String, String> commandFlags) {
		Map<String, String> file = Map.of();
		Path configFile = (this.config != null) ? this.config : pathOf(environment.get("STEPWISE_CONFIG"));
		if (configFile != null) {
			List<String> active = !this.profiles.isEmpty() ? this.profiles
					: split(environment.getOrDefault("STEPWISE_PROFILE", ""));
			file = ConfigFile.read(configFile, active, CliException.WORDING);
		}
		EngineFactory.SETTINGS.requireKnown(this.properties.keySet(), "--set");
		Map<String, String> flags = new LinkedHashMap<>();
		this.properties.forEach((key, value) -> flags.put(Settings.canonical(key.replaceFirst("^stepwise\\.", "")),
				value));
		put(flags, "url", this.url);
		put(flags, "user", this.user);
		put(flags, "table", this.table);
		put(flags, "schema", this.schema);
		if (!this.locations.isEmpty()) {
			flags.put("locations", String.join(",", this.locations));
		}
		this.placeholders.forEach((name, value) -> flags.put(Settings.PLACEHOLDERS + name, value));
		String password = password(environment);
		if (password != null) {
			flags.put("password", password);
		}
		flags.putAll(commandFlags);
		return Settings.of(file, environment, flags, CliException.WORDING);
	}

	private @Nullable String password(Map<String, String> environment) {
		if (this.password != null) {
			return new String(this.password);
		}
		if (this.passwordEnvironment != null) {
			String value = environment.get(this.passwordEnvironment);
			if (value == null) {
				throw CliException.usage("--password-env names " + this.passwordEnvironment
						+ ", which is not set in the environment.");
			}
			return value;
		}
		Path file = (this.passwordFile != null) ? this.passwordFile : pathOf(environment.get("STEPWISE_PASSWORD_FILE"));
		if (file != null) {
			try {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				return lines.isEmpty() ? "" : lines.get(0);
			}
			catch (IOException ex) {
				throw new CliException(ExitCode.USAGE, "Cannot read the password file " + file + ": " + ex, ex);
			}
		}
		return null;
	}

	private static @Nullable Path pathOf(@Nullable String value) {
		return (value != null && !value.isBlank()) ? Path.of(value) : null;
	}

	private static List<String> split(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

	private static void put(Map<String, String> flags, String key, @Nullable String value) {
		if (value != null) {
			flags.put(key, value);
		}
	}

}
