package dev.stepwise.migration.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A check constraint.
 * @param table the table
 * @param name the constraint's name
 * @param clause the condition as the database prints it, without {@code CHECK} around it
 */
public record Check(String table, String name, String clause) implements TablePart {

	private static final Pattern CAST = Pattern.compile(
			"::[a-z_]+(?: (?:varying|precision|without time zone|with time zone))?(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])*");

	private static final Pattern BRACKETS_AND_SPACE = Pattern.compile("[()\\s]+");

	/**
	 * The key compares the condition without casts, brackets and spaces: PostgreSQL prints a
	 * condition differently once it has read back what it printed ({@code status IN ('A', 'B')}
	 * comes back with its casts moved), so two spellings of one condition must match. Two
	 * conditions that differ only in their brackets would match too; no generated check does.
	 */
	@Override
	public String key() {
		String condition = CAST.matcher(this.clause.toLowerCase(Locale.ROOT)).replaceAll("");
		return "check " + this.table + " " + BRACKETS_AND_SPACE.matcher(condition).replaceAll("");
	}

	@Override
	public String describe() {
		return "check " + this.table + "." + this.name + " " + this.clause;
	}

}
