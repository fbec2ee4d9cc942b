package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.Stepwise;

/**
 * What happens to an engine at start-up, instead of {@link Stepwise#migrate()}: for example
 * validate only, or migrate after a {@code repair()}.
 */
@FunctionalInterface
public interface StepwiseMigrationStrategy {

	/**
	 * Runs the start-up migration of one engine.
	 * @param stepwise the engine
	 */
	void migrate(Stepwise stepwise);

}
