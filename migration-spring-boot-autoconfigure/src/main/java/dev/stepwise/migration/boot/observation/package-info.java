/**
 * Micrometer Observations of migration runs and of each migration, so that traces show them.
 */
@NullMarked
package dev.stepwise.migration.boot.observation;

import org.jspecify.annotations.NullMarked;
