package dev.stepwise.migration.cli;

import dev.stepwise.migration.api.CredentialMask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line masks credentials with the engine's own mask, so that a message reads
 * the same from the command line, the Maven plugin and the application.
 */
class MaskingTest {

	@Test
	void urlPasswordsAndTheConfiguredPasswordReadAsTheEnginesMask() {
		String message = "Cannot connect to jdbc:postgresql://h/db?user=a&password=p4ssw0rd&ssl=true"
				+ " (the driver said: login with hunter22 failed)";
		assertThat(StepwiseCommand.masked(message, "hunter22"))
			.isEqualTo("Cannot connect to jdbc:postgresql://h/db?user=a&password=" + CredentialMask.MASK
					+ "&ssl=true (the driver said: login with " + CredentialMask.MASK + " failed)")
			.doesNotContain("p4ssw0rd", "hunter22");
	}

}
