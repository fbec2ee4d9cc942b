package dev.stepwise.migration.cli;

import java.io.PrintWriter;
import java.sql.Driver;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.api.StepwiseListener;
import dev.stepwise.migration.tool.EngineSettings;
import dev.stepwise.migration.tool.JdbcDrivers;
import dev.stepwise.migration.tool.ProjectClassPath;
import dev.stepwise.migration.tool.Settings;
import org.jspecify.annotations.Nullable;

/**
 * Builds the engine from the settings, through its public builder only.
 */
final class EngineFactory {

	/** Every engine setting, by the names the Maven plugin takes too. */
	static final EngineSettings SETTINGS = new EngineSettings(CliException.WORDING);

	private final Settings settings;

	private final ProjectClassPath classPath;

	EngineFactory(Settings settings, ProjectClassPath classPath) {
		this.settings = settings;
		this.classPath = classPath;
	}

	/** The database's URL, without a password, for messages. */
	String target() {
		return CredentialMask.mask(url());
	}

	/**
	 * The engine.
	 * @param progress what says which migration runs
	 * @param statementLog where to print each SQL statement, or {@code null}
	 */
	Stepwise create(StepwiseListener progress, @Nullable PrintWriter statementLog) {
		String url = url();
		Driver driver = JdbcDrivers.forUrl(this.classPath.classLoader(), url, CliException.WORDING);
		if (statementLog != null) {
			driver = StatementLog.wrap(driver, statementLog);
		}
		// Through the driver rather than a DataSource of our own: the engine then reuses the connections of a
		// run, so that a backfill's batches do not open a server session each.
		StepwiseConfiguration.Builder builder = Stepwise.configure()
			.dataSource(driver, url, this.settings.get("user"), this.settings.get("password"))
			.classLoader(this.classPath.classLoader())
			.javaMigrations(this.classPath.javaMigrations());
		builder.listeners(progress);
		SETTINGS.applyTo(this.settings, builder);
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

}
