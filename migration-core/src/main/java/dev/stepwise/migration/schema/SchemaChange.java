package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;
import org.jspecify.annotations.Nullable;

/**
 * One operation recorded by a {@link Schema}: its statements, and the change that undoes
 * it, or why there is none.
 */
public final class SchemaChange {

	private final String description;

	private final List<Step> steps;

	private final @Nullable Supplier<SchemaChange> inverse;

	private final @Nullable String irreversibleBecause;

	private SchemaChange(String description, List<Step> steps, @Nullable Supplier<SchemaChange> inverse,
			@Nullable String irreversibleBecause) {
		this.description = description;
		this.steps = List.copyOf(steps);
		this.inverse = inverse;
		this.irreversibleBecause = irreversibleBecause;
	}

	static SchemaChange reversible(String description, List<Step> steps, Supplier<SchemaChange> inverse) {
		return new SchemaChange(description, steps, inverse, null);
	}

	/**
	 * @param because why it cannot be undone and how to make it undoable, completing
	 * "cannot be undone: "
	 */
	static SchemaChange irreversible(String description, List<Step> steps, String because) {
		return new SchemaChange(description, steps, null, because);
	}

	/** The operation as it was called, such as {@code dropColumn("users", "nickname")}. */
	public String description() {
		return this.description;
	}

	/** The statements this change runs, in order, as a dry run shows them. */
	public List<SchemaStatement> statements() {
		return this.steps.stream().map(Step::statement).toList();
	}

	/** Whether the change records a way back. */
	public boolean reversible() {
		return this.inverse != null;
	}

	/**
	 * The change that undoes this one. It restores the shape, not data: undoing an
	 * {@code addColumn} loses what was written to the column.
	 * @return the inverse
	 * @throws IrreversibleChangeException if the change has none
	 */
	public SchemaChange inverse() {
		if (this.inverse == null) {
			throw new IrreversibleChangeException(irreversibleMessage());
		}
		return this.inverse.get();
	}

	String irreversibleMessage() {
		return this.description + " cannot be undone: " + this.irreversibleBecause;
	}

	void apply(Connection connection, StatementExecutor executor) throws SQLException {
		for (Step step : this.steps) {
			step.execute(connection, executor);
		}
	}

	@Override
	public String toString() {
		return this.description;
	}

}
