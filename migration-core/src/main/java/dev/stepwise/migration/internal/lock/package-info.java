/**
 * The cross-instance lock held for a whole run, on its own connection, per dialect.
 */
@NullMarked
package dev.stepwise.migration.internal.lock;

import org.jspecify.annotations.NullMarked;
