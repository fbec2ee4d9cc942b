/**
 * Stepwise: versioned SQL and Java migrations with real rollback. {@link dev.stepwise.migration.Stepwise} is the entry point.
 */
@NullMarked
package dev.stepwise.migration;

import org.jspecify.annotations.NullMarked;
