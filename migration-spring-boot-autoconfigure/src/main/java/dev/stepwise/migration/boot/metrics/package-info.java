/**
 * Micrometer metrics of migration runs, rollbacks, lock waits, expansions in flight and backfill progress.
 */
@NullMarked
package dev.stepwise.migration.boot.metrics;

import org.jspecify.annotations.NullMarked;
