package dev.stepwise.migration.catalog;

import javax.sql.DataSource;

/**
 * Where the wanted schema comes from when it is not the migrations: JPA entities (the
 {@code migration-jpa} module), or anything else that can build a schema into an empty
 * database, which then spells it in its own words.
 */
@FunctionalInterface
public interface SchemaSource {

	/**
	 * Builds the wanted schema into an empty database.
	 * @param shadow the empty shadow database
	 * @throws Exception when the schema cannot be built; the message says why
	 */
	void buildInto(DataSource shadow) throws Exception;

}
