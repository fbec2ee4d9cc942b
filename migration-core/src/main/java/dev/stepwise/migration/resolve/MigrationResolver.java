package dev.stepwise.migration.resolve;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.JavaMigration;
import dev.stepwise.migration.MigrationValidationException;
import dev.stepwise.migration.dialect.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * Finds every migration: the scripts in the configured locations and the given Java
 * migrations, checked against each other and checksummed.
 */
public final class MigrationResolver {

	private final ScriptFinder scriptFinder;

	private final Charset encoding;

	private final List<JavaMigration> javaMigrations;

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

	/**
	 * Finds, checks and checksums every migration. Scripts are read once each, for their
	 * checksum, and only when the names have no problem.
	 * @return versioned migrations by ascending version, then repeatable ones by description
	 * @throws MigrationValidationException listing every problem found: a file that is not
	 * named as a migration, a version used twice, a down script without its up script, a
	 * repeatable description used twice
	 */
	public List<ResolvedMigration> resolve() {
		List<String> problems = new ArrayList<>();
		MigrationSet migrations = new MigrationSet();
		for (ScriptResource script : this.scriptFinder.find()) {
			String fileName = script.path().substring(script.path().lastIndexOf('/') + 1);
			ScriptName name = ScriptName.parse(fileName);
			if (name != null) {
				migrations.add(name, script);
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
		return migrations.resolve(this.encoding);
	}

}
