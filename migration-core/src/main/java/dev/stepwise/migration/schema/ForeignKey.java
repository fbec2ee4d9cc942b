package dev.stepwise.migration.schema;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A foreign key's definition: the referencing columns, the referenced table and columns, and
 * what a delete or update of the referenced row does. Immutable:
 * {@code ForeignKey.from("user_id").references("users", "id").onDelete(ForeignKey.Action.CASCADE)}.
 */
public final class ForeignKey {

	private final List<String> columns;

	private final String referencedTable;

	private final List<String> referencedColumns;

	private final Action onDelete;

	private final Action onUpdate;

	private ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns,
			Action onDelete, Action onUpdate) {
		this.columns = columns;
		this.referencedTable = referencedTable;
		this.referencedColumns = referencedColumns;
		this.onDelete = onDelete;
		this.onUpdate = onUpdate;
	}

	/**
	 * Starts a foreign key over the referencing columns.
	 * @param column the first referencing column
	 * @param moreColumns the others, in order
	 * @return the next step, {@link Columns#references(String, String, String...)}
	 */
	public static Columns from(String column, String... moreColumns) {
		return new Columns(Stream.concat(Stream.of(column), Arrays.stream(moreColumns)).toList());
	}

	/**
	 * This foreign key with an action on delete of the referenced row.
	 * @param action the action
	 * @return the foreign key
	 */
	public ForeignKey onDelete(Action action) {
		return new ForeignKey(this.columns, this.referencedTable, this.referencedColumns, action, this.onUpdate);
	}

	/**
	 * This foreign key with an action on update of the referenced key.
	 * @param action the action
	 * @return the foreign key
	 */
	public ForeignKey onUpdate(Action action) {
		return new ForeignKey(this.columns, this.referencedTable, this.referencedColumns, this.onDelete, action);
	}

	public List<String> columns() {
		return this.columns;
	}

	public String referencedTable() {
		return this.referencedTable;
	}

	public List<String> referencedColumns() {
		return this.referencedColumns;
	}

	public Action onDelete() {
		return this.onDelete;
	}

	public Action onUpdate() {
		return this.onUpdate;
	}

	@Override
	public String toString() {
		return this.columns + " -> " + this.referencedTable + this.referencedColumns;
	}

	/** The referencing columns of a foreign key still missing its referenced table. */
	public static final class Columns {

		private final List<String> columns;

		private Columns(List<String> columns) {
			this.columns = columns;
		}

		/**
		 * Completes the foreign key; both actions are {@link Action#NO_ACTION}.
		 * @param table the referenced table
		 * @param column the first referenced column
		 * @param moreColumns the others, in the order of the referencing columns
		 * @return the foreign key
		 */
		public ForeignKey references(String table, String column, String... moreColumns) {
			List<String> referenced = Stream.concat(Stream.of(column), Arrays.stream(moreColumns)).toList();
			if (referenced.size() != this.columns.size()) {
				throw new IllegalArgumentException("Foreign key " + this.columns + " references " + referenced
						+ " in \"" + table + "\": give as many referenced columns as referencing ones");
			}
			return new ForeignKey(this.columns, table, referenced, Action.NO_ACTION, Action.NO_ACTION);
		}

	}

	/** What happens to referencing rows when the referenced row is deleted or its key updated. */
	public enum Action {

		NO_ACTION("NO ACTION"),

		RESTRICT("RESTRICT"),

		CASCADE("CASCADE"),

		SET_NULL("SET NULL"),

		SET_DEFAULT("SET DEFAULT");

		private final String sql;

		Action(String sql) {
			this.sql = sql;
		}

		String sql() {
			return this.sql;
		}

	}

}
