package dev.stepwise.migration.catalog;

import java.util.List;

import dev.stepwise.migration.api.StepwiseException;

/**
 * Thrown when a generated migration would break the release that runs while it applies (a
 * type change, a new {@code NOT NULL}) or fail on a table with rows, and the options do not
 * say how to write it instead: nothing was written, and the message names each column and
 * the option that writes it.
 */
public class GenerationRefusedException extends StepwiseException {

	private final List<String> refusals;

	public GenerationRefusedException(List<String> refusals) {
		super("Nothing written: " + String.join("; ", refusals));
		this.refusals = List.copyOf(refusals);
	}

	/** Each change refused, with the option or entity change that writes it. */
	public List<String> refusals() {
		return this.refusals;
	}

}
