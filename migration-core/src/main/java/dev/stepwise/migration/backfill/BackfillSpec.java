package dev.stepwise.migration.backfill;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Backfill} describes, frozen when it runs: the run reads only this, so that
 * the builder a user holds cannot change a run under way.
 *
 * @param bypassSyncTriggers whether each batch marks its transaction so that the expand's
 * sync triggers skip their copy; only {@link SyncedColumnBackfill} sets it
 * @param throttleObserver told of the throttle after each batch
 */
record BackfillSpec(DataSource dataSource, DatabaseType type, String table, Map<String, String> expressions,
		Map<String, RowFunction> functions, @Nullable String where, @Nullable String name, Duration targetBatchDuration,
		Duration pause, int initialBatchSize, int maximumBatchSize, int workers, @Nullable String stateSchema,
		BackfillListener listener, boolean bypassSyncTriggers, Throttle.Observer throttleObserver) {

	BackfillSpec {
		// In the order written: the definition stored for a resume lists them so.
		expressions = Collections.unmodifiableMap(new LinkedHashMap<>(expressions));
		functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
	}

}
