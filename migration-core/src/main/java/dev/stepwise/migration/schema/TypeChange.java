package dev.stepwise.migration.schema;

import org.jspecify.annotations.Nullable;

/**
 * A change of a column's type that knows its way back: the type before, the type after,
 * and optionally the SQL expressions that convert the values each way, for when the
 * database's own conversion does not do:
 * <pre>
 * TypeChange.of(Type.text(), Type.integer())
 *         .using("CAST(age AS INTEGER)")
 *         .reverseUsing("CAST(age AS TEXT)")
 * </pre>
 * The expressions are trusted SQL, never built from input; MySQL and MariaDB have no way to
 * apply them (their {@code ALTER TABLE} has no {@code USING}), so there a change that has
 * one is refused when it is recorded.
 */
public final class TypeChange {

	private final Type from;

	private final Type to;

	private final @Nullable String using;

	private final @Nullable String reverseUsing;

	private TypeChange(Type from, Type to, @Nullable String using, @Nullable String reverseUsing) {
		this.from = from;
		this.to = to;
		this.using = using;
		this.reverseUsing = reverseUsing;
	}

	/**
	 * A change that relies on the database's conversion both ways.
	 * @param from the column's type before
	 * @param to its type after
	 * @return the change
	 */
	public static TypeChange of(Type from, Type to) {
		return new TypeChange(from, to, null, null);
	}

	/**
	 * This change, converting each value with an expression over the column (PostgreSQL's
	 * and H2's {@code USING}).
	 * @param sqlExpression the conversion to the new type
	 * @return the change
	 */
	public TypeChange using(String sqlExpression) {
		return new TypeChange(this.from, this.to, nonBlank("using", sqlExpression), this.reverseUsing);
	}

	/**
	 * This change, converting each value back with an expression when it is undone.
	 * @param sqlExpression the conversion back to the old type
	 * @return the change
	 */
	public TypeChange reverseUsing(String sqlExpression) {
		return new TypeChange(this.from, this.to, this.using, nonBlank("reverseUsing", sqlExpression));
	}

	public Type from() {
		return this.from;
	}

	public Type to() {
		return this.to;
	}

	/** The conversion to the new type, or {@code null} for the database's own. */
	public @Nullable String using() {
		return this.using;
	}

	/** The conversion back, or {@code null} for the database's own. */
	public @Nullable String reverseUsing() {
		return this.reverseUsing;
	}

	TypeChange reversed() {
		return new TypeChange(this.to, this.from, this.reverseUsing, this.using);
	}

	private static String nonBlank(String what, String sqlExpression) {
		if (sqlExpression.isBlank()) {
			throw new IllegalArgumentException("TypeChange." + what + " needs an SQL expression, not an empty string");
		}
		return sqlExpression;
	}

	@Override
	public String toString() {
		return this.from + " -> " + this.to;
	}

}
