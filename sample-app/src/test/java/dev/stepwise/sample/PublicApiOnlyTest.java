package dev.stepwise.sample;

import dev.stepwise.migration.testsupport.PublicApiOnly;
import org.junit.jupiter.api.Test;

/**
 * The sample application use only the engine's public API.
 */
class PublicApiOnlyTest {

	@Test
	void mainClassesReachNoEngineInternals() {
		PublicApiOnly.check("dev.stepwise.sample");
	}

}
