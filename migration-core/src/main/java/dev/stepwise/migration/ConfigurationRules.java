package dev.stepwise.migration;

import java.time.Duration;
import java.util.Objects;

import dev.stepwise.migration.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * The rules a single setting of {@link StepwiseConfiguration.Builder} must follow, in one
 * place and with one style of message, HikariCP's: the property, the rule, and the value it
 * was ({@code backfillWorkers must be at least 1, was 0}). The setters apply them, so that a
 * front end (the command line, the Maven plugin) can tell which of its options was wrong;
 * the rules between settings are checked once they are all known, in
 * {@link StepwiseConfiguration.Builder#build()}.
 */
final class ConfigurationRules {

	/**
	 * The longest name PostgreSQL keeps (it cuts longer ones, so that the table Stepwise
	 * creates is not the one it then looks for); MariaDB allows 64, H2 more.
	 */
	static final int MAX_IDENTIFIER_LENGTH = 63;

	/** As long as the history's {@code installed_by} column. */
	static final int MAX_INSTALLED_BY_LENGTH = 100;

	private static final String VERSION_FORM = "a migration version such as 1, 1.1 or 2026.11.28.1";

	private ConfigurationRules() {
	}

	static String text(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty, was " + quoted(value));
		}
		return value;
	}

	static String identifier(@Nullable String value, String name) {
		return identifier(value, name, MAX_IDENTIFIER_LENGTH, "");
	}

	/**
	 * A plain identifier that the engine may quote on any database, of at most
	 * {@code maxLength} characters.
	 * @param why why the limit is lower than the databases', or empty
	 */
	static String identifier(@Nullable String value, String name, int maxLength, String why) {
		text(value, name);
		if (!value.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
			throw new IllegalArgumentException(name + " must be a plain identifier (a letter or underscore, then"
					+ " letters, digits, underscores or $), was " + quoted(value));
		}
		if (value.length() > maxLength) {
			throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters" + why
					+ ", was " + value.length() + ": " + quoted(value));
		}
		return value;
	}

	static Duration notNegative(@Nullable Duration value, String name) {
		Objects.requireNonNull(value, name + " must not be null");
		if (value.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, was " + value);
		}
		return value;
	}

	/**
	 * @param why why zero is refused, for a setting where it might look like "no limit"
	 */
	static Duration positive(@Nullable Duration value, String name, String why) {
		notNegative(value, name);
		if (value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value + why);
		}
		return value;
	}

	static int atLeast(int value, int minimum, String name) {
		if (value < minimum) {
			throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
		}
		return value;
	}

	static MigrationVersion version(@Nullable String value, String name) {
		text(value, name);
		try {
			return MigrationVersion.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(name + " must be " + VERSION_FORM + ", was " + quoted(value), ex);
		}
	}

	/** {@code null} for the latest version: {@code null}, empty or {@code latest}. */
	static @Nullable MigrationVersion target(@Nullable String value) {
		if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("latest")) {
			return null;
		}
		try {
			return MigrationVersion.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("target must be " + VERSION_FORM + ", or latest, was " + quoted(value),
					ex);
		}
	}

	private static String quoted(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : "null";
	}

}
