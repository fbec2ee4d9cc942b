package dev.stepwise.migration.cli;

import dev.stepwise.migration.testsupport.PublicApiOnly;
import org.junit.jupiter.api.Test;

/**
 * The command line use only the engine's public API.
 */
class PublicApiOnlyTest {

	@Test
	void mainClassesReachNoEngineInternals() {
		PublicApiOnly.check("dev.stepwise.migration.cli");
	}

}
