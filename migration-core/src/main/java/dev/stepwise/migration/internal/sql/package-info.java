/**
 * Splitting SQL scripts into statements, per dialect, and telling which statements cannot run in a transaction.
 */
@NullMarked
package dev.stepwise.migration.internal.sql;

import org.jspecify.annotations.NullMarked;
