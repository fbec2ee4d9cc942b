package dev.stepwise.migration.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The schema that a project's migrations produce, and the drift of a live database from it.
 * <ol>
 * <li>The migrations run into an empty shadow database, through the same configuration as
 * the real run (locations, placeholders, Java migrations), up to a version or all of them.</li>
 * <li>The shadow's catalogue is read, without the history and state tables.</li>
 * <li>For drift, the live database's catalogue is read the same way and compared with it:
 * each difference is something the migrations did not make (an index added by hand, a
 * column changed outside them).</li>
 * </ol>
 */
public final class MigrationsSchema {

	private MigrationsSchema() {
	}

	/**
	 * Runs the migrations into the shadow database and reads what they made.
	 * @param configuration the engine's configuration on a given DataSource
	 * @param shadow the empty shadow database
	 * @param target the version to stop at, or {@code null} for every migration
	 * @return the catalogue
	 */
	public static Catalog build(Function<DataSource, StepwiseConfiguration.Builder> configuration,
			ShadowDatabase shadow, @Nullable String target) {
		StepwiseConfiguration.Builder builder = configuration.apply(shadow.dataSource()).target(target);
		Stepwise engine = builder.load();
		engine.migrate();
		return read(shadow.dataSource(), engine.configuration());
	}

	/**
	 * Compares a live database with what its applied migrations produce.
	 * @param live the engine on the live database
	 * @param configuration the same engine's configuration on a given DataSource
	 * @param shadow an empty shadow database
	 * @return what differs, from what the migrations made to what the database has
	 */
	public static CatalogDiff drift(Stepwise live, Function<DataSource, StepwiseConfiguration.Builder> configuration,
			ShadowDatabase shadow) {
		var current = live.info().currentVersion();
		Catalog expected = (current != null) ? build(configuration, shadow, current.toString())
				: Catalog.empty(shadow.type());
		Catalog actual = read(live.configuration().dataSource(), live.configuration());
		return CatalogDiff.compare(expected, actual, List.of());
	}

	/**
	 * The configuration of an engine, on another DataSource: the same migrations, placeholders,
	 * history table and class loader, for the shadow database.
	 * @param configuration the engine's configuration
	 * @return the same configuration on a given DataSource
	 */
	public static Function<DataSource, StepwiseConfiguration.Builder> sameAs(StepwiseConfiguration configuration) {
		return (dataSource) -> {
			StepwiseConfiguration.Builder builder = Stepwise.configure()
				.dataSource(dataSource)
				.classLoader(configuration.classLoader())
				.locations(configuration.locations())
				.javaMigrations(configuration.javaMigrations())
				.table(configuration.table())
				.placeholders(configuration.placeholders())
				.placeholderReplacement(configuration.placeholderReplacement())
				.placeholderPrefix(configuration.placeholderPrefix())
				.placeholderSuffix(configuration.placeholderSuffix())
				.encoding(configuration.encoding())
				.outOfOrder(configuration.outOfOrder())
				.validateMigrationNaming(configuration.validateMigrationNaming())
				.initSqls(configuration.initSqls());
			if (configuration.scriptSource() != null) {
				builder.scriptSource(configuration.scriptSource());
			}
			return builder;
		};
	}

	/** The catalogue of the engine's database, without its bookkeeping tables. */
	public static Catalog read(DataSource dataSource, StepwiseConfiguration configuration) {
		Set<String> ignored = new HashSet<>(CatalogReader.BOOKKEEPING_TABLES);
		ignored.add(configuration.table());
		ignored.add(configuration.table() + CatalogReader.LOCK_SUFFIX);
		ignored.add(configuration.flywayTable());
		try (Connection connection = dataSource.getConnection()) {
			return CatalogReader.read(connection, ignored);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the catalogue of the database: " + ex.getMessage(), ex);
		}
	}

}
