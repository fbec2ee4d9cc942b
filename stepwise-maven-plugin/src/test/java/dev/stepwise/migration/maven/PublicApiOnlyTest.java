package dev.stepwise.migration.maven;

import dev.stepwise.migration.testsupport.PublicApiOnly;
import org.junit.jupiter.api.Test;

/**
 * The Maven plugin's goals use only the engine's public API.
 */
class PublicApiOnlyTest {

	@Test
	void mainClassesReachNoEngineInternals() {
		PublicApiOnly.check("dev.stepwise.migration.maven");
	}

}
