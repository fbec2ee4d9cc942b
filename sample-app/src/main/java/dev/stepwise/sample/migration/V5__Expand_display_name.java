package dev.stepwise.sample.migration;

import dev.stepwise.migration.expand.ColumnChange;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Schema;
import org.springframework.stereotype.Component;

/**
 * Step 1 of renaming {@code users.name} to {@code display_name} without downtime: expand.
 * <p>
 * Adds {@code display_name}, installs triggers that copy every write of either column to
 * the other, and backfills the existing rows in short batches. The release that ships this
 * migration reads and writes {@code display_name} (step 2, see {@code UserRepository});
 * instances of the previous release keep writing {@code name} meanwhile, and both see the
 * same data. {@link V6__Contract_display_name} drops {@code name} (step 3).
 * <p>
 * No {@code down}: a rollback drops the triggers and {@code display_name}, leaving
 * {@code name} as the previous release wrote it.
 */
@Component
class V5__Expand_display_name extends SchemaMigration {

	@Override
	public void change(Schema schema) {
		schema.expand(ColumnChange.renameColumn("users", "name", "display_name"));
	}

}
