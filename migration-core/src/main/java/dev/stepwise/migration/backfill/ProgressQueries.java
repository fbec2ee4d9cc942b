package dev.stepwise.migration.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.dialect.StateTables;
import org.jspecify.annotations.Nullable;

/**
 * Reads and forgets stored progress, outside any run: what {@code info()} and the
 * expand/contract bookkeeping ask of the progress table.
 */
final class ProgressQueries {

	private ProgressQueries() {
	}

	/** Every backfill's progress, oldest first; a missing table is no backfill, and is not created. */
	static List<BackfillProgress> all(DataSource dataSource, DatabaseType type, @Nullable String schema)
			throws SQLException {
		ProgressStore store = new ProgressStore(StateTables.of(type, schema));
		try (Connection connection = dataSource.getConnection()) {
			if (!store.exists(connection)) {
				return List.of();
			}
			List<BackfillProgress> all = new ArrayList<>();
			for (ProgressStore.Stored stored : store.all(connection)) {
				all.add(stored.progress());
			}
			return all;
		}
	}

	static void forget(DataSource dataSource, DatabaseType type, @Nullable String schema, String name)
			throws SQLException {
		ProgressStore store = new ProgressStore(StateTables.of(type, schema));
		try (Connection connection = dataSource.getConnection()) {
			if (store.exists(connection)) {
				store.delete(connection, name);
			}
		}
	}

}
