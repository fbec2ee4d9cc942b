package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;

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
	public void execute(Connection connection, StatementRunner runner) throws SQLException {
		try {
			runner.run(connection, this.validate);
		}
		catch (SQLException ex) {
			try {
				runner.run(connection, this.drop);
			}
			catch (SQLException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

}
