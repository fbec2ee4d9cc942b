package dev.stepwise.migration.internal.resolve;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.RunEvent;
import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.api.ScriptSource;
import dev.stepwise.migration.java.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every migration: the scripts in the configured locations and the given Java
 * migrations, checked against each other and checksummed.
 */
public final class MigrationResolver {

	private static final Logger logger = LoggerFactory.getLogger(MigrationResolver.class);

	private final ScriptFinder scriptFinder;

	private final Charset encoding;

	private final List<JavaMigration> javaMigrations;

	private boolean validateMigrationNaming = true;

	/**
	 * Creates a resolver.
	 * @param locations {@code classpath:} or {@code filesystem:} locations, scanned
	 * recursively; {@code {vendor}} resolves to {@link DatabaseType#vendor()} (for MariaDB to
	 * {@code mysql} when no {@code mariadb} location exists)
	 * @param classLoader the class loader that {@code classpath:} locations are found with
	 * @param encoding the encoding of the scripts
	 * @param databaseType the database, for {@code {vendor}}
	 * @param javaMigrations the Java migrations
	 */
	public MigrationResolver(List<String> locations, ClassLoader classLoader, Charset encoding,
			DatabaseType databaseType, List<JavaMigration> javaMigrations) {
		this(locations, classLoader, null, encoding, databaseType, javaMigrations);
	}

	/**
	 * Creates a resolver whose {@code classpath:} locations are listed by a script source.
	 * @param locations the locations, as for the other constructor
	 * @param classLoader the class loader that {@code classpath:} locations are found with
	 * when there is no script source
	 * @param classpathSource what lists {@code classpath:} locations instead of the class
	 * loader, or {@code null}
	 * @param encoding the encoding of the scripts
	 * @param databaseType the database, for {@code {vendor}}
	 * @param javaMigrations the Java migrations
	 */
	public MigrationResolver(List<String> locations, ClassLoader classLoader, @Nullable ScriptSource classpathSource,
			Charset encoding, DatabaseType databaseType, List<JavaMigration> javaMigrations) {
		Objects.requireNonNull(classLoader, "classLoader must not be null");
		Objects.requireNonNull(databaseType, "databaseType must not be null");
		this.scriptFinder = new ScriptFinder(List.copyOf(locations), databaseType,
				new ScriptScanner(classLoader, classpathSource));
		this.encoding = Objects.requireNonNull(encoding, "encoding must not be null");
		this.javaMigrations = List.copyOf(javaMigrations);
	}

	/** Whether a missing location fails the run rather than being logged; default false. */
	public MigrationResolver failOnMissingLocations(boolean failOnMissingLocations) {
		this.scriptFinder.failOnMissingLocations(failOnMissingLocations);
		return this;
	}

	/**
	 * Whether a {@code .sql} file that is neither a migration nor a callback fails the run
	 * (default true); when false it is skipped with a warning, as Flyway does by default.
	 */
	public MigrationResolver validateMigrationNaming(boolean validateMigrationNaming) {
		this.validateMigrationNaming = validateMigrationNaming;
		return this;
	}

	/**
	 * Finds, checks and checksums every migration. Scripts are read once each, for their
	 * checksum, and only when the names have no problem.
	 * @return versioned migrations by ascending version, then repeatable ones by description
	 * @throws MigrationValidationException listing every problem found: a file that is not
	 * named as a migration, a version used twice, a down script without its up script, a
	 * repeatable description used twice
	 */
	public List<ResolvedMigration> resolve() {
		return resolveWithCallbacks().migrations();
	}

	/**
	 * Finds the migrations as {@link #resolve()} does and, from the same listing of the
	 * locations, the SQL callbacks: scripts named after a {@link RunEvent}, as Flyway names
	 * them. One listing for both: a start-up with a thousand scripts would otherwise list
	 * them twice.
	 * @return the migrations and the callbacks
	 * @throws MigrationValidationException as {@link #resolve()}
	 */
	public Sources resolveWithCallbacks() {
		List<String> problems = new ArrayList<>();
		List<SqlCallback> callbacks = new ArrayList<>();
		MigrationSet migrations = new MigrationSet();
		for (ScriptResource script : this.scriptFinder.find()) {
			String fileName = fileName(script);
			ScriptName name = ScriptName.parse(fileName);
			RunEvent event = (name == null) ? CallbackName.parse(fileName) : null;
			if (name != null) {
				migrations.add(name, script);
			}
			else if (event != null) {
				callbacks.add(new SqlCallback(event, script));
			}
			else if (CallbackName.isUnsupported(fileName)) {
				problems.add(script + ": a Flyway callback that Stepwise does not run. Stepwise runs "
						+ supportedCallbacks() + " callbacks; move it out of " + script.location() + ".");
			}
			else if (!this.validateMigrationNaming) {
				logger.warn("Skipped {}: not a migration name (validateMigrationNaming is false)", script);
			}
			else {
				problems.add(script + ": not a migration name. Name it V<version>__<description>.sql (up),"
						+ " U<version>__<description>.sql (down) or R__<description>.sql (repeatable), for example "
						+ ScriptName.suggestionFor(fileName) + ", or move it out of " + script.location() + ".");
			}
		}
		this.javaMigrations.forEach(migrations::add);
		problems.addAll(migrations.problems());
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(problems);
		}
		return new Sources(migrations.resolve(this.encoding), inRunOrder(callbacks));
	}

	// The order Flyway runs the callbacks of an event in: by file name.
	private static List<SqlCallback> inRunOrder(List<SqlCallback> callbacks) {
		if (callbacks.isEmpty()) {
			return List.of();
		}
		callbacks.sort(Comparator.comparing((SqlCallback callback) -> callback.event())
			.thenComparing((callback) -> fileName(callback.script())));
		return List.copyOf(callbacks);
	}

	private static String fileName(ScriptResource script) {
		return script.path().substring(script.path().lastIndexOf('/') + 1);
	}

	private static String supportedCallbacks() {
		return String.join(", ", Arrays.stream(RunEvent.values()).map(RunEvent::callbackName).toList());
	}

	/**
	 * What the locations hold.
	 *
	 * @param migrations as {@link #resolve()} returns them
	 * @param callbacks the SQL callbacks, by event, then by file name
	 */
	public record Sources(List<ResolvedMigration> migrations, List<SqlCallback> callbacks) {

	}

}
