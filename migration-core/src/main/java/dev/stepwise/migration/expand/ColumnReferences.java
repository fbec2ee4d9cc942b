package dev.stepwise.migration.expand;

/**
 * Replaces the references to one column in an SQL expression, such as {@code amount} in
 * {@code CAST(amount * 100 AS BIGINT)} by {@code NEW."amount"} for a trigger body.
 * <p>
 * A reference is the column's name as a word (any case) or quoted exactly (double quotes
 * or backticks), not preceded by a dot (another table's column) and not followed by an
 * opening parenthesis (a function). String literals and comments are left alone.
 */
final class ColumnReferences {

	private ColumnReferences() {
	}

	/**
	 * @param expression the expression
	 * @param column the column name
	 * @param replacement what each reference becomes
	 * @return the expression with the references replaced
	 */
	static String replace(String expression, String column, String replacement) {
		StringBuilder result = new StringBuilder();
		int i = 0;
		int length = expression.length();
		while (i < length) {
			char c = expression.charAt(i);
			if (c == '\'') {
				int end = endOfQuoted(expression, i, '\'');
				result.append(expression, i, end);
				i = end;
			}
			else if (c == '-' && i + 1 < length && expression.charAt(i + 1) == '-') {
				int end = expression.indexOf('\n', i);
				end = (end < 0) ? length : end;
				result.append(expression, i, end);
				i = end;
			}
			else if (c == '"' || c == '`') {
				int end = endOfQuoted(expression, i, c);
				String name = expression.substring(i + 1, end - 1).replace(String.valueOf(c) + c, String.valueOf(c));
				boolean reference = name.equals(column) && isReference(expression, i, end);
				result.append(reference ? replacement : expression.substring(i, end));
				i = end;
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i;
				while (end < length && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_'
						|| expression.charAt(end) == '$')) {
					end++;
				}
				String word = expression.substring(i, end);
				boolean reference = word.equalsIgnoreCase(column) && isReference(expression, i, end);
				result.append(reference ? replacement : word);
				i = end;
			}
			else {
				result.append(c);
				i++;
			}
		}
		return result.toString();
	}

	/** Whether the expression is the column alone, so a sync is a plain copy. */
	static boolean isColumnAlone(String expression, String column) {
		return replace(expression, column, "\u0000").strip().equals("\u0000");
	}

	private static int endOfQuoted(String text, int start, char quote) {
		int i = start + 1;
		while (i < text.length()) {
			if (text.charAt(i) == quote) {
				if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		throw new IllegalArgumentException("Unterminated " + quote + " in expression: " + text);
	}

	private static boolean isReference(String text, int start, int end) {
		int before = start - 1;
		while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
			before--;
		}
		int after = end;
		while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
			after++;
		}
		return (before < 0 || text.charAt(before) != '.') && (after >= text.length() || text.charAt(after) != '(');
	}

}
