package dev.stepwise.migration.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.tool.DriverDataSource;
import dev.stepwise.migration.tool.ProjectClassPath;
import org.jspecify.annotations.Nullable;

/**
 * Builds the engine from the settings, through its public builder only.
 */
final class EngineFactory {

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)?");

	private final Settings settings;

	private final ProjectClassPath classPath;

	EngineFactory(Settings settings, ProjectClassPath classPath) {
		this.settings = settings;
		this.classPath = classPath;
	}

	/** The database's URL, without a password, for messages. */
	String target() {
		return Redaction.url(url());
	}

	/**
	 * The engine.
	 * @param progress where to say which migration runs, or {@code null}
	 * @param statementLog where to print each SQL statement, or {@code null}
	 */
	Stepwise create(@Nullable PrintWriter progress, @Nullable PrintWriter statementLog) {
		DataSource dataSource = new DriverDataSource(this.classPath.classLoader(), url(), this.settings.get("user"),
				this.settings.get("password"), CliException.WORDING);
		if (statementLog != null) {
			dataSource = StatementLog.wrap(dataSource, statementLog);
		}
		StepwiseConfiguration.Builder builder = Stepwise.configure()
			.dataSource(dataSource)
			.classLoader(this.classPath.classLoader())
			.javaMigrations(this.classPath.javaMigrations());
		if (progress != null) {
			builder.listeners(new RunProgress(progress));
		}
		apply("locations", (value) -> builder.locations(Arrays.stream(value.split(",")).map(String::trim).toList()));
		apply("table", builder::table);
		apply("schema", builder::schema);
		builder.placeholders(this.settings.under(Settings.PLACEHOLDERS));
		apply("placeholder-replacement", (value) -> builder.placeholderReplacement(bool("placeholder-replacement", value)));
		apply("out-of-order", (value) -> builder.outOfOrder(bool("out-of-order", value)));
		apply("validate-on-migrate", (value) -> builder.validateOnMigrate(bool("validate-on-migrate", value)));
		apply("ignore-future-migrations",
				(value) -> builder.ignoreFutureMigrations(bool("ignore-future-migrations", value)));
		apply("baseline-on-migrate", (value) -> builder.baselineOnMigrate(bool("baseline-on-migrate", value)));
		apply("baseline-version", builder::baselineVersion);
		apply("lock-wait-timeout", (value) -> builder.lockWaitTimeout(duration("lock-wait-timeout", value)));
		apply("ddl-lock-timeout", (value) -> builder.ddlLockTimeout(duration("ddl-lock-timeout", value)));
		apply("ddl-retries", (value) -> builder.ddlRetries(integer("ddl-retries", value)));
		apply("ddl-retry-backoff", (value) -> builder.ddlRetryBackoff(duration("ddl-retry-backoff", value)));
		apply("instance-staleness", (value) -> builder.instanceStaleness(duration("instance-staleness", value)));
		apply("backfill-workers", (value) -> builder.backfillWorkers(integer("backfill-workers", value)));
		apply("installed-by", builder::installedBy);
		apply("encoding", (value) -> builder.encoding(parse("encoding", value, Charset::forName)));
		return builder.load();
	}

	private String url() {
		String url = this.settings.get("url");
		if (url == null) {
			throw CliException.usage("No database: give --url, STEPWISE_URL, or a --config file with stepwise.url"
					+ " or spring.datasource.url.");
		}
		return url;
	}

	private void apply(String key, Consumer<String> setter) {
		String value = this.settings.get(key);
		if (value == null) {
			return;
		}
		try {
			setter.accept(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw CliException.usage("Bad value for " + key + ": " + ex.getMessage());
		}
	}

	private static boolean bool(String key, String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw CliException.usage(key + " must be true or false, got '" + value + "'");
		};
	}

	private static int integer(String key, String value) {
		return parse(key, value, Integer::parseInt);
	}

	/** Spring Boot's forms: {@code 500ms}, {@code 10s}, {@code 2m}, ISO-8601, or milliseconds. */
	static Duration duration(String key, String value) {
		Matcher matcher = DURATION.matcher(value.trim());
		if (!matcher.matches()) {
			try {
				return Duration.parse(value.trim());
			}
			catch (DateTimeParseException ex) {
				throw CliException.usage(key + " must be a duration such as 500ms, 10s, 2m or PT1M, got '" + value + "'");
			}
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "ms";
		return switch (unit) {
			case "ns" -> Duration.ofNanos(amount);
			case "us" -> Duration.ofNanos(amount * 1000);
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

	private static <T> T parse(String key, String value, Function<String, T> parser) {
		try {
			return parser.apply(value);
		}
		catch (RuntimeException ex) {
			throw CliException.usage("Bad value for " + key + ": '" + value + "'");
		}
	}

}
