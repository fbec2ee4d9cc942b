/**
 * The cross-instance lock held for a whole run, on its own connection, per dialect.
 */
@NullMarked
package dev.stepwise.migration.lock;

import org.jspecify.annotations.NullMarked;
