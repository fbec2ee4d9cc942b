package dev.stepwise.migration.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether the release that runs while a column changes in place keeps working: it writes
 * values of the old type, and may write null. A widening (a longer {@code varchar}, more
 * digits at the same scale, a larger integer) keeps every value it writes valid; any other
 * type change, or a new {@code NOT NULL}, may make its writes fail.
 */
final class ColumnCompatibility {

	private static final Pattern TYPE = Pattern.compile("\\s*([a-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

	/** Integer types from narrow to wide, under each database's names. */
	private static final List<List<String>> INTEGERS = List.of(List.of("smallint", "int2"),
			List.of("integer", "int", "int4", "mediumint"), List.of("bigint", "int8"));

	private static final List<String> TEXTS = List.of("character varying", "varchar");

	private static final List<String> DECIMALS = List.of("numeric", "decimal");

	private ColumnCompatibility() {
	}

	/**
	 * Why changing a column in place breaks the running release, or {@code null} when it does not.
	 * @param before the column as the migrations make it
	 * @param after the column as the target wants it
	 */
	static @Nullable String breaking(Column before, Column after) {
		boolean typeChanges = !before.type().equalsIgnoreCase(after.type()) && !widens(before.type(), after.type());
		boolean notNullAdded = before.nullable() && !after.nullable();
		if (typeChanges && notNullAdded) {
			return "changes type " + before.type() + " -> " + after.type() + " and becomes NOT NULL";
		}
		if (typeChanges) {
			return "changes type " + before.type() + " -> " + after.type();
		}
		return notNullAdded ? "becomes NOT NULL" : null;
	}

	/** Whether every value of type {@code from} is a value of type {@code to}. */
	static boolean widens(String from, String to) {
		Matcher a = TYPE.matcher(from.toLowerCase(Locale.ROOT));
		Matcher b = TYPE.matcher(to.toLowerCase(Locale.ROOT));
		if (!a.matches() || !b.matches()) {
			return false;
		}
		String fromName = a.group(1);
		String toName = b.group(1);
		int fromRank = integerRank(fromName);
		int toRank = integerRank(toName);
		if (fromRank >= 0 && toRank >= 0) {
			return toRank >= fromRank;
		}
		if (TEXTS.contains(fromName) && (TEXTS.contains(toName) || toName.equals("text"))) {
			// No length is no limit: character varying without one, or text.
			return b.group(2) == null || (a.group(2) != null && number(b, 2) >= number(a, 2));
		}
		if (DECIMALS.contains(fromName) && DECIMALS.contains(toName) && a.group(2) != null && b.group(2) != null) {
			int fromScale = (a.group(3) != null) ? number(a, 3) : 0;
			int toScale = (b.group(3) != null) ? number(b, 3) : 0;
			// Integer digits and fraction digits may both only grow.
			return toScale >= fromScale && number(b, 2) - toScale >= number(a, 2) - fromScale;
		}
		return false;
	}

	private static int integerRank(String name) {
		for (int rank = 0; rank < INTEGERS.size(); rank++) {
			if (INTEGERS.get(rank).contains(name)) {
				return rank;
			}
		}
		return -1;
	}

	private static int number(Matcher matcher, int group) {
		return Integer.parseInt(matcher.group(group));
	}

}
