package dev.stepwise.migration.expand;

import java.util.ArrayList;
import java.util.List;

/**
 * An index or unique constraint of the old column that an expand recreates on the new
 * column and an undone contract recreates on the old one: a plain list of columns (the
 * old column at any position), its kind, its name and the name of its copy.
 * <p>
 * Stored in {@code stepwise_expansions} as text, so that it survives restarts and the
 * contract that drops the original: one index per line, {@code kind;name;newName;columns}
 * with the columns separated by commas, and {@code \}, {@code ;}, {@code ,} and a line
 * break inside a name escaped by a backslash.
 *
 * @param name the index's name (the constraint's, for a unique constraint)
 * @param newName the name of its copy on the new column
 * @param kind what it is
 * @param columns its columns in order, one of them the old column
 */
record CarriedIndex(String name, String newName, Kind kind, List<String> columns) {

	CarriedIndex {
		columns = List.copyOf(columns);
	}

	boolean unique() {
		return this.kind != Kind.INDEX;
	}

	/** The columns with {@code from} replaced by {@code to}. */
	List<String> columnsWith(String from, String to) {
		return this.columns.stream().map((column) -> column.equals(from) ? to : column).toList();
	}

	static String encode(List<CarriedIndex> indexes) {
		StringBuilder text = new StringBuilder();
		for (CarriedIndex index : indexes) {
			if (!text.isEmpty()) {
				text.append('\n');
			}
			text.append(index.kind.code).append(';').append(escape(index.name)).append(';').append(escape(index.newName))
				.append(';');
			for (int i = 0; i < index.columns.size(); i++) {
				text.append((i > 0) ? "," : "").append(escape(index.columns.get(i)));
			}
		}
		return text.toString();
	}

	static List<CarriedIndex> decode(String text) {
		List<CarriedIndex> indexes = new ArrayList<>();
		List<List<String>> fields = new ArrayList<>();
		List<String> field = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char escaped = text.charAt(++i);
				part.append((escaped == 'n') ? '\n' : escaped);
			}
			else if (c == ',' || c == ';' || c == '\n') {
				field.add(part.toString());
				part.setLength(0);
				if (c != ',') {
					fields.add(field);
					field = new ArrayList<>();
				}
				if (c == '\n') {
					indexes.add(index(fields, text));
					fields.clear();
				}
			}
			else {
				part.append(c);
			}
		}
		if (!text.isEmpty()) {
			field.add(part.toString());
			fields.add(field);
			indexes.add(index(fields, text));
		}
		return indexes;
	}

	private static CarriedIndex index(List<List<String>> fields, String text) {
		if (fields.size() != 4 || fields.get(0).size() != 1 || fields.get(1).size() != 1 || fields.get(2).size() != 1) {
			throw new IllegalStateException("Cannot read the indexes stored in " + ExpansionStore.TABLE + ": '" + text + "'");
		}
		return new CarriedIndex(fields.get(1).get(0), fields.get(2).get(0), Kind.of(fields.get(0).get(0)), fields.get(3));
	}

	private static String escape(String name) {
		return name.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
	}

	/** What kind of index. */
	enum Kind {

		/** A plain index. */
		INDEX("I"),

		/** A unique index that no constraint owns. */
		UNIQUE_INDEX("U"),

		/** A unique constraint (on MySQL and MariaDB, where the two are one, a unique index). */
		UNIQUE_CONSTRAINT("C");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		static Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code.equals(code)) {
					return kind;
				}
			}
			throw new IllegalStateException("Unknown index kind '" + code + "' in " + ExpansionStore.TABLE);
		}

	}

}
