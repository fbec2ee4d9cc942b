package dev.stepwise.migration.expand;

import java.sql.SQLException;

import dev.stepwise.migration.api.BackfillProgress;
import org.jspecify.annotations.Nullable;

/**
 * An expand that failed after its new column and sync triggers were committed: it says
 * what is in place and how far its backfill got, since running it again resumes it rather
 * than starting over. Keeps the cause's SQL state, so that lock timeouts stay recognisable.
 */
public final class ExpandInterruptedException extends SQLException {

	private static final long serialVersionUID = 1L;

	private ExpandInterruptedException(String message, SQLException cause) {
		super(message, cause.getSQLState(), cause.getErrorCode(), cause);
	}

	static ExpandInterruptedException of(ExpansionRecord expansion, @Nullable BackfillProgress backfill,
			SQLException cause) {
		String rows = (backfill != null) ? backfill.rowsDone() + " row(s)" : "no row that could be read";
		return new ExpandInterruptedException("The expand of " + expansion.id() + " stopped after it took effect: "
				+ expansion.table() + "." + expansion.newColumn() + " and its sync triggers are in place, and its backfill"
				+ " has committed " + rows + " (its cursor is stored in " + ExpansionTables.BACKFILLS + "); then: "
				+ cause.getMessage() + ". Both releases keep working meanwhile. Running the expand again resumes the"
				+ " backfill after its last committed batch; undoExpand(\"" + expansion.id() + "\") removes it instead.",
				cause);
	}

}
