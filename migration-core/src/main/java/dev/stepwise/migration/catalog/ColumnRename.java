package dev.stepwise.migration.catalog;

/**
 * A column the user says was renamed, so that it keeps its data instead of being dropped
 * and added: {@code users.name=full_name}.
 * @param table the table
 * @param from the column's current name
 * @param to its name in the target
 */
public record ColumnRename(String table, String from, String to) {

	/**
	 * Reads {@code table.column=new_name}.
	 * @param text the rename
	 * @return the rename
	 * @throws IllegalArgumentException when the text has another shape
	 */
	public static ColumnRename parse(String text) {
		int equals = text.indexOf('=');
		int dot = text.lastIndexOf('.', (equals < 0) ? text.length() : equals);
		if (equals < 0 || dot <= 0 || dot + 1 == equals || equals + 1 == text.length()) {
			throw new IllegalArgumentException(
					"A rename is written table.column=new_name, such as users.name=full_name; got '" + text + "'");
		}
		return new ColumnRename(text.substring(0, dot).trim(), text.substring(dot + 1, equals).trim(),
				text.substring(equals + 1).trim());
	}

	@Override
	public String toString() {
		return this.table + "." + this.from + "=" + this.to;
	}

}
