/**
 * The history table: created on first use, read once per run, appended per migration, marked on rollback.
 */
@NullMarked
package dev.stepwise.migration.internal.history;

import org.jspecify.annotations.NullMarked;
