package dev.stepwise.migration.cli;

import java.io.PrintWriter;

import org.jspecify.annotations.Nullable;

/**
 * Where a command prints: results to standard output (a table for people, JSON with
 * {@code --json}), everything else to standard error.
 */
final class Console {

	private final PrintWriter out;

	private final PrintWriter err;

	private final boolean json;

	Console(PrintWriter out, PrintWriter err, boolean json) {
		this.out = out;
		this.err = err;
		this.json = json;
	}

	boolean json() {
		return this.json;
	}

	PrintWriter out() {
		return this.out;
	}

	PrintWriter err() {
		return this.err;
	}

	/** A line for people: on standard output, unless the output is JSON (then on error). */
	void say(String line) {
		(this.json ? this.err : this.out).println(line);
		flush();
	}

	void printJson(@Nullable Object value) {
		this.out.println(Json.write(value));
		flush();
	}

	void flush() {
		this.out.flush();
		this.err.flush();
	}

}
