package dev.stepwise.migration.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.tool.ConfigFile;
import dev.stepwise.migration.tool.DriverDataSource;
import dev.stepwise.migration.tool.ProjectClassPath;
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

	abstract void run(Stepwise engine) throws MojoFailureException;

	// The connection settings as resolved, for goals that create shadow databases on the same server.
	@Nullable String resolvedUrl;

	@Nullable String resolvedUser;

	@Nullable String resolvedPassword;

	private Stepwise engine() {
		Map<String, String> file = new LinkedHashMap<>();
		if (this.configFile != null) {
			List<String> active = new ArrayList<>();
			if (this.profiles != null) {
				for (String profile : this.profiles.split(",")) {
					if (!profile.isBlank()) {
						active.add(profile.trim());
					}
				}
			}
			file.putAll(ConfigFile.read(this.configFile.toPath(), active, WORDING));
		}
		String url = first(this.url, file.get("stepwise.url"), file.get("spring.datasource.url"));
		if (url == null) {
			throw new IllegalArgumentException("No database: set <url> (or -Dstepwise.url), or point <configFile> at"
					+ " an application.yml with stepwise.url or spring.datasource.url.");
		}
		String user = first(this.user, file.get("stepwise.user"), file.get("spring.datasource.username"));
		String password = first(passwordFromEnvironment(), this.password, file.get("stepwise.password"),
				file.get("spring.datasource.password"));
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
		this.resolvedUser = user;
		this.resolvedPassword = password;
		ProjectClassPath classPath = new ProjectClassPath(ownClasses, dependencies, WORDING);
		StepwiseConfiguration.Builder builder = Stepwise.configure()
			.dataSource(new DriverDataSource(classPath.classLoader(), url, user, password, WORDING))
			.classLoader(classPath.classLoader())
			.javaMigrations(classPath.javaMigrations());
		List<String> locations = (this.locations != null && !this.locations.isEmpty()) ? this.locations
				: split(file.get("stepwise.locations"));
		if (!locations.isEmpty()) {
			builder.locations(locations);
		}
		set(first(this.table, file.get("stepwise.table")), builder::table);
		set(first(this.schema, file.get("stepwise.schema")), builder::schema);
		file.forEach((key, value) -> {
			if (key.startsWith("stepwise.placeholders.")) {
				builder.placeholder(key.substring("stepwise.placeholders.".length()), value);
			}
		});
		if (this.placeholders != null) {
			builder.placeholders(this.placeholders);
		}
		set(first(text(this.outOfOrder), fileValue(file, "out-of-order")),
				(value) -> builder.outOfOrder(Boolean.parseBoolean(value)));
		set(first(text(this.validateOnMigrate), fileValue(file, "validate-on-migrate")),
				(value) -> builder.validateOnMigrate(Boolean.parseBoolean(value)));
		set(first(text(this.baselineOnMigrate), fileValue(file, "baseline-on-migrate")),
				(value) -> builder.baselineOnMigrate(Boolean.parseBoolean(value)));
		set(first(text(this.ignoreFutureMigrations), fileValue(file, "ignore-future-migrations")),
				(value) -> builder.ignoreFutureMigrations(Boolean.parseBoolean(value)));
		set(first(this.baselineVersion, fileValue(file, "baseline-version")), builder::baselineVersion);
		set(first(this.ddlLockTimeout, fileValue(file, "ddl-lock-timeout")),
				(value) -> builder.ddlLockTimeout(duration(value)));
		set(first(text(this.ddlRetries), fileValue(file, "ddl-retries")),
				(value) -> builder.ddlRetries(Integer.parseInt(value.trim())));
		set(first(this.ddlRetryBackoff, fileValue(file, "ddl-retry-backoff")),
				(value) -> builder.ddlRetryBackoff(duration(value)));
		set(first(this.lockWaitTimeout, fileValue(file, "lock-wait-timeout")),
				(value) -> builder.lockWaitTimeout(duration(value)));
		set(first(this.installedBy, fileValue(file, "installed-by")), builder::installedBy);
		return builder.load();
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

	/** A setting of the file in kebab or camel case, as Spring Boot accepts both. */
	private static @Nullable String fileValue(Map<String, String> file, String kebab) {
		String camel = kebab.replaceAll("-([a-z])", "\u0000$1");
		StringBuilder converted = new StringBuilder();
		for (int i = 0; i < camel.length(); i++) {
			char c = camel.charAt(i);
			if (c == '\u0000') {
				converted.append(Character.toUpperCase(camel.charAt(++i)));
			}
			else {
				converted.append(c);
			}
		}
		return first(file.get("stepwise." + kebab), file.get("stepwise." + converted));
	}

	/** Spring Boot's forms: 500ms, 10s, 2m, ISO-8601, or milliseconds. */
	static Duration duration(String value) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		if (text.startsWith("p")) {
			return Duration.parse(text.toUpperCase(Locale.ROOT));
		}
		if (text.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
		}
		long amount = Long.parseLong(text.replaceAll("[smhd]$", "").trim());
		return switch (text.charAt(text.length() - 1)) {
			case 's' -> Duration.ofSeconds(amount);
			case 'm' -> Duration.ofMinutes(amount);
			case 'h' -> Duration.ofHours(amount);
			case 'd' -> Duration.ofDays(amount);
			default -> Duration.ofMillis(amount);
		};
	}

	private static void set(@Nullable String value, Consumer<String> setter) {
		if (value != null) {
			setter.accept(value);
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

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable String first(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
