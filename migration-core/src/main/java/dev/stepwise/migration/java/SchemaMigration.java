package dev.stepwise.migration.java;

import dev.stepwise.migration.schema.IrreversibleChangeException;
import dev.stepwise.migration.schema.Schema;

/**
 * A Java migration written with the schema DSL, which needs no {@code down}: a rollback
 * runs the recorded inverse of {@link #change(Schema)}. A change that cannot be undone
 * (dropping a column without its definition) makes a rollback across it refuse before it
 * starts, unless the migration overrides {@link #down(MigrationContext)}.
 *
 * <pre>
 * public class V4__Add_nickname extends SchemaMigration {
 *     public void change(Schema schema) {
 *         schema.addColumn("users", Column.of("nickname", Type.varchar(50)));
 *     }
 * }
 * </pre>
 */
public abstract class SchemaMigration extends BaseJavaMigration {

	/**
	 * Records the change. Called to apply it, to plan a dry run, and to work out the inverse:
	 * only record operations here, do not run other SQL.
	 * @param schema the schema to record on
	 */
	public abstract void change(Schema schema);

	@Override
	public final void up(MigrationContext context) throws Exception {
		Schema schema = context.schema();
		change(schema);
		schema.apply();
	}

	/** Runs the inverse of {@link #change(Schema)}, last operation first. */
	@Override
	public void down(MigrationContext context) throws Exception {
		inverse(context.schema()).apply();
	}

	/** Always true: whether the inverse exists is checked when a rollback is planned. */
	@Override
	public boolean undoable() {
		return true;
	}

	/**
	 * Records {@link #change(Schema)} on {@code schema} and returns its undo, recorded and
	 * not applied.
	 * @throws IrreversibleChangeException naming each change that cannot be undone
	 */
	public final Schema inverse(Schema schema) {
		change(schema);
		return schema.inverse();
	}

	/** Whether a subclass gives its own {@code down} rather than the recorded inverse. */
	public final boolean hasOwnDown() {
		try {
			return getClass().getMethod("down", MigrationContext.class).getDeclaringClass() != SchemaMigration.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
