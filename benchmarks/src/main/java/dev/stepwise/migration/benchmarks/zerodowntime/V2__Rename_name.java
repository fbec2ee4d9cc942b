package dev.stepwise.migration.benchmarks.zerodowntime;

import dev.stepwise.migration.expand.ColumnChange;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Schema;

/**
 * The migration a user would write for the benchmark's change: the expand release of
 * {@code name} renamed to {@code full_name}, with its backfill inline.
 */
final class V2__Rename_name extends SchemaMigration {

	private final String table;

	V2__Rename_name(String table) {
		this.table = table;
	}

	@Override
	public void change(Schema schema) {
		schema.expand(ColumnChange.renameColumn(this.table, "name", "full_name"));
	}

}
