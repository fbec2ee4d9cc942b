package dev.stepwise.migration.jpa;

import java.util.List;
import java.util.Map;

import dev.stepwise.migration.catalog.SchemaSource;
import dev.stepwise.migration.catalog.SchemaSourceFactory;

/**
 * Offers the JPA entities as the wanted schema to {@code stepwise generate} and
 * {@code mvn stepwise:generate}, found through {@link java.util.ServiceLoader}.
 */
public final class EntitySchemaSourceFactory implements SchemaSourceFactory {

	@Override
	public String description() {
		return "JPA entities";
	}

	@Override
	public SchemaSource create(ClassLoader classLoader, List<String> packages, Map<String, String> properties) {
		return EntitySchemaSource.scan(classLoader, packages, properties);
	}

}
