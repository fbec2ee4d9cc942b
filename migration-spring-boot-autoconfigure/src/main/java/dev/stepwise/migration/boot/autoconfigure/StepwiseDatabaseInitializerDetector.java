package dev.stepwise.migration.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link StepwiseMigrationInitializer} beans initialize the database,
 * so that beans which use it wait for them.
 */
class StepwiseDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(StepwiseMigrationInitializer.class);
	}

}
