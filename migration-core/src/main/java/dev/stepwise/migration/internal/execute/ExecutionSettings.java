package dev.stepwise.migration.internal.execute;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import dev.stepwise.migration.expand.ExpansionSettings;

/**
 * The part of the configuration that running migrations reads, handed down by the
 * {@code Stepwise} entry point so that the engine below it never depends on the public
 * configuration type above it.
 *
 * @param dataSource where the engine opens its own connections
 * @param encoding how scripts are read
 * @param ddlLockTimeout how long one DDL statement may wait for its lock
 * @param ddlRetries how often a DDL statement that timed out is tried again
 * @param ddlRetryBackoff the pause before the first retry, doubled on each
 * @param expansion what expand and contract read: staleness, backfill workers, lock wait
 * @param table the history table's name
 * @param placeholderReplacement whether {@code ${...}} placeholders are replaced
 * @param placeholders the user's placeholder values
 * @param placeholderPrefix what opens a placeholder
 * @param placeholderSuffix what closes a placeholder
 * @param mixed whether a script may mix statements that need a transaction with ones that
 * cannot run in one (it then runs without a transaction)
 */
public record ExecutionSettings(DataSource dataSource, Charset encoding, Duration ddlLockTimeout, int ddlRetries,
		Duration ddlRetryBackoff, ExpansionSettings expansion, String table,
		boolean placeholderReplacement, Map<String, String> placeholders, String placeholderPrefix,
		String placeholderSuffix, boolean mixed) {

}
