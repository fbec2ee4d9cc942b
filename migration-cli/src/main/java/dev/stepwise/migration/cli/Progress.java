package dev.stepwise.migration.cli;

import dev.stepwise.migration.api.BackfillProgress;

/**
 * A backfill's progress in words and, on a terminal, as a bar.
 */
final class Progress {

	private static final int BAR_WIDTH = 30;

	private Progress() {
	}

	static String describe(BackfillProgress progress) {
		Long percent = Views.percent(progress);
		String rows = progress.rowsDone() + ((progress.estimatedTotal() > 0) ? " of ~" + progress.estimatedTotal() : "")
				+ " rows";
		if (progress.done()) {
			return "done, " + rows;
		}
		return ((percent != null) ? percent + "%, " : "") + rows + ", " + Math.round(progress.rowsPerSecond())
				+ " rows/s";
	}

	static String bar(BackfillProgress progress) {
		Long percent = Views.percent(progress);
		int filled = (percent != null) ? (int) (percent * BAR_WIDTH / 100) : 0;
		return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + progress.name() + " "
				+ describe(progress);
	}

}
