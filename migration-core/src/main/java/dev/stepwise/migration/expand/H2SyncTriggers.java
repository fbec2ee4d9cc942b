package dev.stepwise.migration.expand;

import java.util.List;

import dev.stepwise.migration.api.DatabaseType;

/**
 * H2: one Java trigger, {@link H2SyncTrigger}, which reads its columns and conversions from
 * {@code stepwise_expansions} by its name.
 */
final class H2SyncTriggers implements SyncTriggers {

	private static final DatabaseType TYPE = DatabaseType.H2;

	@Override
	public List<String> install(ExpansionRecord expansion) {
		return List.of("CREATE TRIGGER IF NOT EXISTS " + TYPE.quote(expansion.triggerName())
				+ " BEFORE INSERT, UPDATE ON " + TYPE.quote(expansion.table()) + " FOR EACH ROW CALL '"
				+ H2SyncTrigger.class.getName() + "'");
	}

	@Override
	public List<String> drop(ExpansionRecord expansion) {
		return List.of("DROP TRIGGER IF EXISTS " + TYPE.quote(expansion.triggerName()));
	}

}
