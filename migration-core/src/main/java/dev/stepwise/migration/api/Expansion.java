package dev.stepwise.migration.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A column change in flight or done, for {@code info()}.
 *
 * @param id the change's key ({@code table.new_column})
 * @param operation the kind of change
 * @param table the table
 * @param oldColumn the column old code uses
 * @param newColumn the column new code uses
 * @param expandVersion the version of the migration that expanded
 * @param state where it stands
 * @param backfill the progress of the backfill that fills the new column, {@code null}
 * before it starts
 * @param contractDeferred whether a contract was asked for and waits for instances
 * @param waitingFor the live instances a deferred contract waits for, as of now
 */
public record Expansion(String id, ChangeOperation operation, String table, String oldColumn, String newColumn,
		MigrationVersion expandVersion, ExpansionState state, @Nullable BackfillProgress backfill,
		boolean contractDeferred, List<RegisteredInstance> waitingFor) {

	public Expansion {
		waitingFor = List.copyOf(waitingFor);
	}

}
