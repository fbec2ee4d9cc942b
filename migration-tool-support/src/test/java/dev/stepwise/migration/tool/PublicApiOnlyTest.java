package dev.stepwise.migration.tool;

import dev.stepwise.migration.testsupport.PublicApiOnly;
import org.junit.jupiter.api.Test;

/**
 * The configuration and class-path support shared by the command line and the plugin use only the engine's public API.
 */
class PublicApiOnlyTest {

	@Test
	void mainClassesReachNoEngineInternals() {
		PublicApiOnly.check("dev.stepwise.migration.tool");
	}

}
