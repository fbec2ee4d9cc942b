package dev.stepwise.migration.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Rows printed in aligned columns under a header, for people.
 */
final class Table {

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	Table(String... headers) {
		this.headers = List.of(headers);
	}

	Table row(@Nullable Object... values) {
		List<String> row = new ArrayList<>();
		for (Object value : values) {
			row.add((value != null) ? String.valueOf(value) : "");
		}
		this.rows.add(row);
		return this;
	}

	boolean isEmpty() {
		return this.rows.isEmpty();
	}

	void print(PrintWriter out) {
		int[] widths = new int[this.headers.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.headers.get(i).length();
			for (List<String> row : this.rows) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		line(out, this.headers, widths);
		List<String> rule = new ArrayList<>();
		for (int width : widths) {
			rule.add("-".repeat(width));
		}
		line(out, rule, widths);
		this.rows.forEach((row) -> line(out, row, widths));
	}

	private static void line(PrintWriter out, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			line.append(cells.get(i));
			if (i < cells.size() - 1) {
				line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
			}
		}
		out.println(line.toString().stripTrailing());
	}

}
