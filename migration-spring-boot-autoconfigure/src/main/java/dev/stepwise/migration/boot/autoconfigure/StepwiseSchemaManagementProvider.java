package dev.stepwise.migration.boot.autoconfigure;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Stepwise manages the schema of the DataSources it migrates, so that
 * Hibernate does not default to {@code create-drop} on an embedded database on top of the
 * migrations.
 */
class StepwiseSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<Stepwise> engines;

	StepwiseSchemaManagementProvider(ObjectProvider<Stepwise> engines) {
		this.engines = engines;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return this.engines.stream()
			.map((engine) -> engine.configuration().dataSource())
			.filter(dataSource::equals)
			.findFirst()
			.map((managed) -> SchemaManagement.MANAGED)
			.orElse(SchemaManagement.UNMANAGED);
	}

}
