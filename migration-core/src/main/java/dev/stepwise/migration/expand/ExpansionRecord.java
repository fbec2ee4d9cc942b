package dev.stepwise.migration.expand;

import java.util.List;

import dev.stepwise.migration.api.ChangeOperation;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * A column change as stored in {@code stepwise_expansions}, with every name in the
 * catalogue's spelling and both conversions resolved (a plain copy is the source column).
 *
 * @param id the change's key
 * @param operation the kind of change
 * @param table the table
 * @param oldColumn the column old code uses
 * @param newColumn the column new code uses
 * @param oldType the old column's type, to add it back when a contract is undone
 * @param newType the new column's type
 * @param toNew SQL over {@code oldColumn} giving the new value
 * @param toOld SQL over {@code newColumn} giving the old value
 * @param oldNotNull whether the old column was NOT NULL
 * @param expandVersion the version of the migration that expanded
 * @param state where the change stands
 * @param triggerName the base name of the sync triggers (and function)
 * @param contractRequested whether a contract was asked for and deferred, to retry
 * @param oldDefault the old column's default, to restore when a contract is undone, or
 * {@code null}
 * @param newDefault the default the new column takes at the contract, or {@code null}
 * @param indexes the old column's indexes and unique constraints that the new column gets
 * a copy of, and that an undone contract restores
 */
record ExpansionRecord(String id, ChangeOperation operation, String table, String oldColumn, String newColumn,
		String oldType, String newType, String toNew, String toOld, boolean oldNotNull, String expandVersion,
		ExpansionState state, String triggerName, boolean contractRequested, @Nullable String oldDefault,
		@Nullable String newDefault, List<CarriedIndex> indexes) {

	ExpansionRecord {
		indexes = List.copyOf(indexes);
	}

	/** The new column ends NOT NULL when the change asks for it or the old column was. */
	boolean newNotNullAtContract() {
		return this.operation == ChangeOperation.SET_NOT_NULL || this.oldNotNull;
	}

	String expandBackfillName() {
		return "expand:" + this.id;
	}

	String undoContractBackfillName() {
		return "undo-contract:" + this.id;
	}

	/** A condition true for rows where the new column is not what the old one gives. */
	String newOutOfSync(DatabaseType type) {
		return differs(type, type.quote(this.newColumn), this.toNew);
	}

	/** A condition true for rows where the old column is not what the new one gives. */
	String oldOutOfSync(DatabaseType type) {
		return differs(type, type.quote(this.oldColumn), this.toOld);
	}

	private static String differs(DatabaseType type, String column, String expression) {
		return Dialect.of(type).isDistinctFrom(column, expression);
	}

}
