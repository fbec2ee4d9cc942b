package dev.stepwise.migration.api;

import java.util.List;

/**
 * The sources and the history disagree, or a source is malformed: nothing was run. Each
 * problem names the file and the fix.
 */
public class MigrationValidationException extends StepwiseException {

	private final List<String> problems;

	public MigrationValidationException(List<String> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	private static String message(List<String> problems) {
		if (problems.size() == 1) {
			return "Validation failed: " + problems.get(0);
		}
		return "Validation failed with " + problems.size() + " problems:\n - " + String.join("\n - ", problems);
	}

	/** Each problem, one sentence naming the file and the fix. */
	public List<String> problems() {
		return this.problems;
	}

}
