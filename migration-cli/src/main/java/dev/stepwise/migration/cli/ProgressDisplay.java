package dev.stepwise.migration.cli;

import java.io.PrintWriter;

/**
 * Where a long run says how far it is, on standard error so that standard output stays the
 * result: on a terminal, one status line (a bar) redrawn in place below the lines that
 * stay; anywhere else (a CI log, a file, a pipe) only lines that stay, since a carriage
 * return there leaves one unreadable line per redraw.
 */
final class ProgressDisplay {

	// Wider than that wraps on a default 80-column terminal, and a wrapped line cannot be redrawn.
	private static final int STATUS_WIDTH = 79;

	private static final String CLEAR_LINE = "\r\u001b[2K";

	private final PrintWriter err;

	private final boolean terminal;

	private String status = "";

	ProgressDisplay(PrintWriter err, boolean terminal) {
		this.err = err;
		this.terminal = terminal;
	}

	/** Redraws in place only when a person watches: a terminal, and no JSON for a script. */
	static boolean onTerminal(boolean json) {
		return System.console() != null && !json;
	}

	boolean terminal() {
		return this.terminal;
	}

	/** A line that stays, above the status line on a terminal. */
	synchronized void line(String text) {
		if (this.terminal && !this.status.isEmpty()) {
			this.err.print(CLEAR_LINE);
		}
		this.err.println(text);
		if (this.terminal && !this.status.isEmpty()) {
			this.err.print(this.status);
		}
		this.err.flush();
	}

	/** Replaces the status line on a terminal; nothing elsewhere. */
	synchronized void status(String text) {
		if (!this.terminal) {
			return;
		}
		this.status = (text.length() > STATUS_WIDTH) ? text.substring(0, STATUS_WIDTH - 1) + "~" : text;
		this.err.print(CLEAR_LINE + this.status);
		this.err.flush();
	}

	/** Removes the status line, before the result is printed. */
	synchronized void clear() {
		if (this.terminal && !this.status.isEmpty()) {
			this.err.print(CLEAR_LINE);
			this.err.flush();
		}
		this.status = "";
	}

}
