package dev.stepwise.migration.boot.actuate;

import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.DriftDescriptor;

/**
 * Compares each engine's database with what its applied migrations make, for the
 * {@code drift} section of {@code GET /actuator/migrations}.
 */
@FunctionalInterface
public interface DriftCheck {

	/**
	 * Checks the engines.
	 * @param engines the engines by bean name
	 * @return the drift of each engine that could be checked
	 */
	Map<String, DriftDescriptor> check(Map<String, Stepwise> engines);

}
