/**
 * Micrometer metrics of migration runs, rollbacks and lock waits.
 */
@NullMarked
package dev.stepwise.migration.boot.metrics;

import org.jspecify.annotations.NullMarked;
