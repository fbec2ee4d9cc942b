/**
 * Batched, resumable, throttled data transformation: {@link dev.stepwise.migration.backfill.Backfill}.
 */
@NullMarked
package dev.stepwise.migration.backfill;

import org.jspecify.annotations.NullMarked;
