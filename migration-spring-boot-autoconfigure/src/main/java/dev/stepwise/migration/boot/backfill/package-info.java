/**
 * Backfills that expands leave to the background, run after start-up while the application serves.
 */
@NullMarked
package dev.stepwise.migration.boot.backfill;

import org.jspecify.annotations.NullMarked;
