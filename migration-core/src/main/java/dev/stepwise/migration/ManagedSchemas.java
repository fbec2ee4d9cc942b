package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * The schemas a run manages, as Flyway's {@code schemas} and {@code defaultSchema}: the
 * default one first, then the others. With {@code createSchemas} each is created when
 * missing; without it, a missing one stops the run before anything is changed.
 */
final class ManagedSchemas {

	private ManagedSchemas() {
	}

	/** The default schema, if any, then every other managed schema, each once. */
	static Set<String> of(StepwiseConfiguration configuration) {
		Set<String> schemas = new LinkedHashSet<>();
		if (configuration.defaultSchema() != null) {
			schemas.add(configuration.defaultSchema());
		}
		schemas.addAll(configuration.schemas());
		return schemas;
	}

	/**
	 * Creates the missing schemas, or with {@code createSchemas} off finds the first one
	 * missing.
	 * @return the first missing schema, or {@code null} when every one exists now
	 */
	static @Nullable String createOrFindMissing(Connection connection, Dialect dialect,
			StepwiseConfiguration configuration) throws SQLException {
		for (String schema : of(configuration)) {
			if (configuration.createSchemas()) {
				dialect.createSchemaIfAbsent(connection, schema);
			}
			else if (!DefaultSchema.exists(connection, dialect, schema)) {
				return schema;
			}
		}
		return null;
	}

}
