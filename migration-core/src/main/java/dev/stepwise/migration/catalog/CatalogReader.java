package dev.stepwise.migration.catalog;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.dialect.StateTables;

/**
 * Reads the catalogue of a connection's current schema (PostgreSQL's {@code current_schema()},
 * MariaDB's {@code DATABASE()}, H2's {@code SCHEMA()}) from the database's own catalogue
 * tables, leaving out Stepwise's and Flyway's bookkeeping tables.
 */
public final class CatalogReader {

	/** The suffix of a lock table on H2, after the name of the table it guards. */
	public static final String LOCK_SUFFIX = "_lock";

	/** The tables Stepwise and Flyway keep their state in, under their default names. */
	public static final Set<String> BOOKKEEPING_TABLES = Set.of(StepwiseConfiguration.DEFAULT_TABLE,
			StepwiseConfiguration.DEFAULT_TABLE + LOCK_SUFFIX, StepwiseConfiguration.DEFAULT_FLYWAY_TABLE,
			StateTables.EXPANSIONS, StateTables.BACKFILLS, StateTables.INSTANCES);

	private CatalogReader() {
	}

	/**
	 * Reads the catalogue, without the default bookkeeping tables.
	 * @param connection the connection, left open
	 * @return the catalogue
	 * @throws SQLException if the catalogue cannot be read
	 */
	public static Catalog read(Connection connection) throws SQLException {
		return read(connection, BOOKKEEPING_TABLES);
	}

	/**
	 * Reads the catalogue.
	 * @param connection the connection, left open
	 * @param ignoredTables tables to leave out, compared without case
	 * @return the catalogue
	 * @throws SQLException if the catalogue cannot be read
	 */
	public static Catalog read(Connection connection, Set<String> ignoredTables) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		DatabaseType type = DatabaseType.fromProduct(metaData.getDatabaseProductName(),
				metaData.getDatabaseProductVersion());
		// On H2 each state table may come with a lock table of its own.
		Set<String> ignored = ignoredTables.stream()
			.flatMap((name) -> java.util.stream.Stream.of(name, name + LOCK_SUFFIX))
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		VendorCatalogReader reader = switch (type) {
			case POSTGRESQL -> new PostgresCatalogReader(connection, ignored);
			case MYSQL, MARIADB -> new MariaDbCatalogReader(connection, type, ignored);
			case H2 -> new H2CatalogReader(connection, ignored);
		};
		return reader.read();
	}

}
