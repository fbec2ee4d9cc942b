package dev.stepwise.migration.internal.info;

import dev.stepwise.migration.api.MigrationInfo;
import dev.stepwise.migration.internal.history.AppliedMigration;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * A migration's source and its latest history row, with the state they add up to.
 *
 * @param info what users see
 * @param resolved the source, or {@code null} when it is gone
 * @param applied the latest history row, or {@code null} when it never ran
 */
public record MigrationEntry(MigrationInfo info, @Nullable ResolvedMigration resolved,
		@Nullable AppliedMigration applied) {
}
