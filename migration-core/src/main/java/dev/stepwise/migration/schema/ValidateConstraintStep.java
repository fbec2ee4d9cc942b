package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;

/**
 * PostgreSQL's {@code VALIDATE CONSTRAINT} of a constraint added {@code NOT VALID}, in its own
 * transaction so the scan holds only a {@code SHARE UPDATE EXCLUSIVE} lock. When rows break
 * the constraint, the unvalidated constraint is dropped again, so the migration can be fixed
 * and rerun without first removing it by hand.
 */
final class ValidateConstraintStep implements Step {

	private final SchemaStatement validate;

	private final SchemaStatement drop;

	ValidateConstraintStep(String quotedTable, String quotedConstraint) {
		this.validate = new SchemaStatement(
				"ALTER TABLE " + quotedTable + " VALIDATE CONSTRAINT " + quotedConstraint, false);
		this.drop = new SchemaStatement("ALTER TABLE " + quotedTable + " DROP CONSTRAINT " + quotedConstraint, false);
	}

	@Override
	public SchemaStatement statement() {
		return this.validate;
	}

	@Override
	public void execute(Connection connection, StatementExecutor executor) throws SQLException {
		try {
			executor.execute(connection, this.validate);
		}
		catch (SQLException ex) {
			try {
				executor.execute(connection, this.drop);
			}
			catch (SQLException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

}
