package dev.stepwise.sample.migration;

import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Schema;
import org.springframework.stereotype.Component;

/**
 * Step 3 of renaming {@code users.name} to {@code display_name}: contract. Checks both
 * columns agree, then drops the triggers and {@code name}.
 * <p>
 * In a real deploy this migration ships in a release after {@link V5__Expand_display_name}.
 * If an instance whose code predates V5 is still registered and alive, the contract is
 * deferred rather than failed: this migration succeeds, the application starts, and the
 * contract runs in the background once that instance is gone.
 * <p>
 * No {@code down}: a rollback restores {@code name}, its data and the triggers.
 */
@Component
class V6__Contract_display_name extends SchemaMigration {

	@Override
	public void change(Schema schema) {
		schema.contract("users.display_name");
	}

}
