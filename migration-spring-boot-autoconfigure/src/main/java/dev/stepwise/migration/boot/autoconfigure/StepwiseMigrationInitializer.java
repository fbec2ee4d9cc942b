package dev.stepwise.migration.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates every {@link Stepwise} engine of the application while the context starts.
 * <p>
 * Registered as a database initializer, so that beans which use the database (JdbcTemplate,
 * JdbcClient, JPA, jOOQ, {@code @DependsOnDatabaseInitialization}) are created after it and
 * the application never serves traffic on an old schema.
 */
public class StepwiseMigrationInitializer implements InitializingBean {

	private final Map<String, Stepwise> engines;

	private final StepwiseMigrationStrategy strategy;

	/**
	 * Creates an initializer of the engines.
	 * @param engines the engines by bean name, migrated in this order
	 * @param strategy what to do with each engine
	 */
	public StepwiseMigrationInitializer(Map<String, Stepwise> engines, StepwiseMigrationStrategy strategy) {
		this.engines = new LinkedHashMap<>(engines);
		this.strategy = strategy;
	}

	@Override
	public void afterPropertiesSet() {
		this.engines.values().forEach(this.strategy::migrate);
	}

}
