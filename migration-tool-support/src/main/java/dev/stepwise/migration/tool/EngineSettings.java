package dev.stepwise.migration.tool;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.FlywayAdoption;

/**
 * The one map from a setting's name ({@code lock-wait-timeout}, as after {@code stepwise.}
 * in an application.yml) to the engine's builder, so that the command line and the Maven
 * plugin take the same settings under the same names, and refuse a misspelt one alike.
 */
public final class EngineSettings {

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)?");

	/** The database's settings: known, but applied to the DataSource rather than the builder. */
	private static final Set<String> CONNECTION = Set.of("url", "user", "password");

	/** Known, but read by the tools themselves: {@code drift-check} makes {@code validate} compare the schema. */
	private static final Set<String> TOOLS = Set.of("drift-check");

	private final ToolWording wording;

	private final Map<String, BiConsumer<StepwiseConfiguration.Builder, String>> setters = new LinkedHashMap<>();

	public EngineSettings(ToolWording wording) {
		this.wording = wording;
		text("locations", (builder, value) -> builder
			.locations(Arrays.stream(value.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList()));
		text("table", StepwiseConfiguration.Builder::table);
		text("schema", StepwiseConfiguration.Builder::schema);
		text("default-schema", StepwiseConfiguration.Builder::defaultSchema);
		bool("create-schemas", StepwiseConfiguration.Builder::createSchemas);
		bool("placeholder-replacement", StepwiseConfiguration.Builder::placeholderReplacement);
		text("placeholder-prefix", StepwiseConfiguration.Builder::placeholderPrefix);
		text("placeholder-suffix", StepwiseConfiguration.Builder::placeholderSuffix);
		text("target", StepwiseConfiguration.Builder::target);
		bool("out-of-order", StepwiseConfiguration.Builder::outOfOrder);
		bool("validate-on-migrate", StepwiseConfiguration.Builder::validateOnMigrate);
		bool("validate-migration-naming", StepwiseConfiguration.Builder::validateMigrationNaming);
		bool("ignore-future-migrations", StepwiseConfiguration.Builder::ignoreFutureMigrations);
		bool("baseline-on-migrate", StepwiseConfiguration.Builder::baselineOnMigrate);
		text("baseline-version", StepwiseConfiguration.Builder::baselineVersion);
		bool("fail-on-empty-migrations", StepwiseConfiguration.Builder::failOnEmptyMigrations);
		bool("fail-on-missing-locations", StepwiseConfiguration.Builder::failOnMissingLocations);
		duration("lock-wait-timeout", StepwiseConfiguration.Builder::lockWaitTimeout);
		duration("ddl-lock-timeout", StepwiseConfiguration.Builder::ddlLockTimeout);
		integer("ddl-retries", StepwiseConfiguration.Builder::ddlRetries);
		duration("ddl-retry-backoff", StepwiseConfiguration.Builder::ddlRetryBackoff);
		duration("instance-staleness", StepwiseConfiguration.Builder::instanceStaleness);
		integer("backfill-workers", StepwiseConfiguration.Builder::backfillWorkers);
		integer("connect-retries", StepwiseConfiguration.Builder::connectRetries);
		duration("connect-retries-interval", StepwiseConfiguration.Builder::connectRetriesInterval);
		text("installed-by", StepwiseConfiguration.Builder::installedBy);
		parsed("encoding", "a charset such as UTF-8", Charset::forName, StepwiseConfiguration.Builder::encoding);
		parsed("flyway-adoption", "auto or off", (value) -> FlywayAdoption.valueOf(value.toUpperCase(Locale.ROOT)),
				StepwiseConfiguration.Builder::flywayAdoption);
		text("flyway-table", StepwiseConfiguration.Builder::flywayTable);
	}

	/** Every setting's name, the connection's and the builder's, sorted; placeholders come as {@code placeholders.NAME}. */
	public Set<String> names() {
		Set<String> names = new TreeSet<>(CONNECTION);
		names.addAll(TOOLS);
		names.addAll(this.setters.keySet());
		return Collections.unmodifiableSet(names);
	}

	/**
	 * Refuses a setting this does not know, naming where it came from: a typo in an
	 * explicitly given setting must not pass silently (a file may hold other tools' keys).
	 * @param names the names given, in any of Spring Boot's forms
	 * @param source where they came from, such as "--set"
	 */
	public void requireKnown(Iterable<String> names, String source) {
		for (String name : names) {
			String canonical = Settings.canonical(name.replaceFirst("^stepwise\\.", ""));
			if (!canonical.startsWith(Settings.PLACEHOLDERS) && !names().contains(canonical)) {
				throw this.wording.usage("Unknown setting '" + name + "' in " + source + "; the settings are "
						+ String.join(", ", names()) + ", and placeholders.NAME.");
			}
		}
	}

	/**
	 * Applies every setting that has a value to the builder.
	 * @param settings the settings
	 * @param builder the engine's builder
	 * @return the builder
	 */
	public StepwiseConfiguration.Builder applyTo(Settings settings, StepwiseConfiguration.Builder builder) {
		builder.placeholders(settings.under(Settings.PLACEHOLDERS));
		this.setters.forEach((key, setter) -> {
			String value = settings.get(key);
			if (value == null) {
				return;
			}
			try {
				setter.accept(builder, value.trim());
			}
			catch (IllegalArgumentException ex) {
				throw this.wording.usage("Bad value for " + key + ": " + ex.getMessage(), ex);
			}
		});
		return builder;
	}

	/**
	 * Spring Boot's forms: {@code 500ms}, {@code 10s}, {@code 2m}, ISO-8601, or milliseconds.
	 * @throws IllegalArgumentException for anything else
	 */
	public static Duration duration(String value) {
		Matcher matcher = DURATION.matcher(value.trim());
		if (!matcher.matches()) {
			try {
				return Duration.parse(value.trim());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("a duration such as 500ms, 10s, 2m or PT1M is expected, got '"
						+ value + "'");
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

	private void text(String key, BiConsumer<StepwiseConfiguration.Builder, String> setter) {
		this.setters.put(key, setter);
	}

	private void bool(String key, BiConsumer<StepwiseConfiguration.Builder, Boolean> setter) {
		this.setters.put(key, (builder, value) -> setter.accept(builder, switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException("true or false is expected, got '" + value + "'");
		}));
	}

	private void integer(String key, BiConsumer<StepwiseConfiguration.Builder, Integer> setter) {
		parsed(key, "a whole number", Integer::parseInt, setter);
	}

	private void duration(String key, BiConsumer<StepwiseConfiguration.Builder, Duration> setter) {
		this.setters.put(key, (builder, value) -> setter.accept(builder, duration(value)));
	}

	private <T> void parsed(String key, String expected, Function<String, T> parser,
			BiConsumer<StepwiseConfiguration.Builder, T> setter) {
		this.setters.put(key, (builder, value) -> {
			T parsed;
			try {
				parsed = parser.apply(value);
			}
			catch (IllegalArgumentException ex) {
				// Parsers' own words ("For input string") would not help: say what was given.
				throw new IllegalArgumentException(expected + " is expected, got '" + value + "'");
			}
			setter.accept(builder, parsed);
		});
	}

}
