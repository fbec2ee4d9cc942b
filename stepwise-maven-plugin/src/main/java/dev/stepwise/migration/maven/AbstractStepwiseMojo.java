package dev.stepwise.migration.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.tool.ConfigFile;
import dev.stepwise.migration.tool.EngineSettings;
import dev.stepwise.migration.tool.JdbcDrivers;
import dev.stepwise.migration.tool.ProjectClassPath;
import dev.stepwise.migration.tool.Settings;
import dev.stepwise.migration.tool.ToolWording;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What every goal shares: the database, the engine's settings from the plugin's
 * {@code <configuration>}, {@code -Dstepwise.*} or an {@code application.yml}, and the
 * project's class path for scripts, Java migrations and the JDBC driver.
 */
abstract class AbstractStepwiseMojo extends AbstractMojo {

	/** JDBC URL of the database; default: {@code stepwise.url} or {@code spring.datasource.url} of the configFile. */
	@Parameter(property = "stepwise.url")
	@Nullable String url;

	/** Database user. */
	@Parameter(property = "stepwise.user")
	@Nullable String user;

	/** Database password; better from the environment variable named by passwordEnv. */
	@Parameter(property = "stepwise.password")
	@Nullable String password;

	/** The environment variable that holds the password. */
	@Parameter(property = "stepwise.passwordEnv")
	@Nullable String passwordEnv;

	/** A .properties or .yml file with stepwise.* and spring.datasource.* settings, such as src/main/resources/application.yml. */
	@Parameter(property = "stepwise.configFile")
	@Nullable File configFile;

	/** Spring profiles to activate in the configFile, comma-separated. */
	@Parameter(property = "stepwise.profiles")
	@Nullable String profiles;

	/** Where migrations are: classpath:db/migration (the default) or filesystem:path. */
	@Parameter(property = "stepwise.locations")
	@Nullable List<String> locations;

	/** The history table. */
	@Parameter(property = "stepwise.table")
	@Nullable String table;

	/** The schema of the history table. */
	@Parameter(property = "stepwise.schema")
	@Nullable String schema;

	/** Values of ${name} placeholders in scripts. */
	@Parameter
	@Nullable Map<String, String> placeholders;

	/** Whether to apply pending migrations older than the current version. */
	@Parameter(property = "stepwise.outOfOrder")
	@Nullable Boolean outOfOrder;

	/** Whether migrate checks the sources against the history first. */
	@Parameter(property = "stepwise.validateOnMigrate")
	@Nullable Boolean validateOnMigrate;

	/** Whether migrate baselines a non-empty schema without a history table. */
	@Parameter(property = "stepwise.baselineOnMigrate")
	@Nullable Boolean baselineOnMigrate;

	/** How long to wait for another run's lock, such as 60s. */
	@Parameter(property = "stepwise.lockWaitTimeout")
	@Nullable String lockWaitTimeout;

	/** Whether versions applied by a newer release pass validation. */
	@Parameter(property = "stepwise.ignoreFutureMigrations")
	@Nullable Boolean ignoreFutureMigrations;

	/** The version that baselineOnMigrate records. */
	@Parameter(property = "stepwise.baselineVersion")
	@Nullable String baselineVersion;

	/** How long one DDL statement may wait for a table lock before it is retried, such as 2s. */
	@Parameter(property = "stepwise.ddlLockTimeout")
	@Nullable String ddlLockTimeout;

	/** How many times such a statement is retried. */
	@Parameter(property = "stepwise.ddlRetries")
	@Nullable Integer ddlRetries;

	/** The base of the jittered, doubling backoff between retries, such as 500ms. */
	@Parameter(property = "stepwise.ddlRetryBackoff")
	@Nullable String ddlRetryBackoff;

	/** Who the history records as installer. */
	@Parameter(property = "stepwise.installedBy")
	@Nullable String installedBy;

	/** The charset of the scripts, such as UTF-8 (the default). */
	@Parameter(property = "stepwise.encoding")
	@Nullable String encoding;

	/** How many threads each backfill runs its batches on. */
	@Parameter(property = "stepwise.backfillWorkers")
	@Nullable Integer backfillWorkers;

	/** How long an instance may stay silent before a contract stops waiting for it, such as 2m. */
	@Parameter(property = "stepwise.instanceStaleness")
	@Nullable String instanceStaleness;

	/**
	 * Any other stepwise.* setting as name=value, such as connect-retries=3 (the command line's
	 * --set): in the POM one {@code <setting>} element each, with -Dstepwise.set comma-separated.
	 */
	@Parameter(property = "stepwise.set")
	@Nullable List<String> set;

	/** A file whose first line is the password. */
	@Parameter(property = "stepwise.passwordFile")
	@Nullable File passwordFile;

	/** Skips the goal. */
	@Parameter(property = "stepwise.skip", defaultValue = "false")
	boolean skip;

	@Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
	@Nullable File outputDirectory;

	@Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
	@Nullable List<String> classpathElements;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping Stepwise (stepwise.skip)");
			return;
		}
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		Stepwise engine;
		try {
			engine = engine();
		}
		catch (IllegalArgumentException ex) {
			throw new MojoExecutionException("Stepwise is not configured right: " + ex.getMessage(), ex);
		}
		try {
			thread.setContextClassLoader(engine.configuration().classLoader());
			run(engine);
		}
		catch (StepwiseException ex) {
			// Validation, a refused rollback, a lock not obtained, a failed migration: the
			// database's or the sources' problem, a build failure rather than a plugin error.
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new MojoExecutionException(ex.getMessage(), ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** How the shared configuration, class path and driver code words the plugin's usage problems. */
	static final ToolWording WORDING = new ToolWording("the plugin", "Check configFile (stepwise.configFile).",
			"Add the driver as a dependency of the project (runtime scope) or of the plugin.",
			"Run the goal after compile.", "Add what it needs as a dependency.", IllegalArgumentException::new);

	/** Every engine setting, by the names the command line takes too. */
	private static final EngineSettings SETTINGS = new EngineSettings(WORDING);

	abstract void run(Stepwise engine) throws MojoFailureException;

	// The connection settings as resolved, for goals that create shadow databases on the same server.
	@Nullable String resolvedUrl;

	@Nullable String resolvedUser;

	@Nullable String resolvedPassword;

	private Stepwise engine() {
		Map<String, String> file = Map.of();
		if (this.configFile != null) {
			file = ConfigFile.read(this.configFile.toPath(), split(this.profiles), WORDING);
		}
		Settings settings = Settings.of(file, System.getenv(), flags(), WORDING);
		String url = settings.get("url");
		if (url == null) {
			throw new IllegalArgumentException("No database: set <url> (or -Dstepwise.url), or point <configFile> at"
					+ " an application.yml with stepwise.url or spring.datasource.url.");
		}
		List<Path> ownClasses = new ArrayList<>();
		List<Path> dependencies = new ArrayList<>();
		if (this.outputDirectory != null && Files.isDirectory(this.outputDirectory.toPath())) {
			ownClasses.add(this.outputDirectory.toPath());
		}
		if (this.classpathElements != null) {
			for (String element : this.classpathElements) {
				Path path = Path.of(element);
				if (!ownClasses.contains(path) && Files.exists(path)) {
					dependencies.add(path);
				}
			}
		}
		this.resolvedUrl = url;
		this.resolvedUser = settings.get("user");
		this.resolvedPassword = settings.get("password");
		ProjectClassPath classPath = new ProjectClassPath(ownClasses, dependencies, WORDING);
		// Through the driver rather than a DataSource of our own: the engine then reuses the connections of a
		// run, so that a backfill's batches do not open a server session each.
		StepwiseConfiguration.Builder builder = Stepwise.configure()
			.dataSource(JdbcDrivers.forUrl(classPath.classLoader(), url, WORDING), url, settings.get("user"),
					settings.get("password"))
			.classLoader(classPath.classLoader())
			.javaMigrations(classPath.javaMigrations());
		SETTINGS.applyTo(settings, builder);
		return builder.load();
	}

	/**
	 * The settings this goal's parameters give, by the names the command line uses: set
	 * first, so that a parameter of its own wins over it.
	 */
	private Map<String, String> flags() {
		Map<String, String> flags = new LinkedHashMap<>();
		if (this.set != null) {
			Map<String, String> given = new LinkedHashMap<>();
			for (String setting : this.set) {
				int equals = setting.indexOf('=');
				if (equals <= 0) {
					throw new IllegalArgumentException("<set> takes name=value, such as lock-wait-timeout=10s; got '"
							+ setting + "'");
				}
				given.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
			}
			SETTINGS.requireKnown(given.keySet(), "<set> (stepwise.set)");
			given.forEach((name, value) -> flags.put(Settings.canonical(name.replaceFirst("^stepwise\\.", "")), value));
		}
		put(flags, "url", this.url);
		put(flags, "user", this.user);
		put(flags, "password", this.password);
		put(flags, "password", passwordFromFile());
		put(flags, "password", passwordFromEnvironment());
		if (this.locations != null && !this.locations.isEmpty()) {
			flags.put("locations", String.join(",", this.locations));
		}
		put(flags, "table", this.table);
		put(flags, "schema", this.schema);
		if (this.placeholders != null) {
			this.placeholders.forEach((name, value) -> flags.put(Settings.PLACEHOLDERS + name, value));
		}
		put(flags, "out-of-order", this.outOfOrder);
		put(flags, "validate-on-migrate", this.validateOnMigrate);
		put(flags, "baseline-on-migrate", this.baselineOnMigrate);
		put(flags, "ignore-future-migrations", this.ignoreFutureMigrations);
		put(flags, "baseline-version", this.baselineVersion);
		put(flags, "lock-wait-timeout", this.lockWaitTimeout);
		put(flags, "ddl-lock-timeout", this.ddlLockTimeout);
		put(flags, "ddl-retries", this.ddlRetries);
		put(flags, "ddl-retry-backoff", this.ddlRetryBackoff);
		put(flags, "installed-by", this.installedBy);
		put(flags, "encoding", this.encoding);
		put(flags, "backfill-workers", this.backfillWorkers);
		put(flags, "instance-staleness", this.instanceStaleness);
		flags.putAll(goalSettings());
		return flags;
	}

	/** The settings that this goal's own parameters give, such as migrate's target. */
	Map<String, String> goalSettings() {
		return Map.of();
	}

	private @Nullable String passwordFromFile() {
		if (this.passwordFile == null) {
			return null;
		}
		try {
			List<String> lines = Files.readAllLines(this.passwordFile.toPath(), StandardCharsets.UTF_8);
			return lines.isEmpty() ? "" : lines.get(0);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read the passwordFile " + this.passwordFile + ": " + ex, ex);
		}
	}

	private @Nullable String passwordFromEnvironment() {
		if (this.passwordEnv == null) {
			return null;
		}
		String value = System.getenv(this.passwordEnv);
		if (value == null) {
			throw new IllegalArgumentException("passwordEnv names " + this.passwordEnv + ", which is not set.");
		}
		return value;
	}

	private static void put(Map<String, String> flags, String key, @Nullable Object value) {
		if (value != null && !value.toString().isBlank()) {
			flags.put(key, value.toString());
		}
	}

	private static List<String> split(@Nullable String value) {
		List<String> items = new ArrayList<>();
		if (value != null) {
			for (String item : value.split(",")) {
				if (!item.isBlank()) {
					items.add(item.trim());
				}
			}
		}
		return items;
	}

}
