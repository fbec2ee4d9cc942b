package dev.stepwise.migration.jpa;

import dev.stepwise.migration.testsupport.PublicApiOnly;
import org.junit.jupiter.api.Test;

/**
 * The generator from JPA entities use only the engine's public API.
 */
class PublicApiOnlyTest {

	@Test
	void mainClassesReachNoEngineInternals() {
		PublicApiOnly.check("dev.stepwise.migration.jpa");
	}

}
