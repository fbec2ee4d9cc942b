/**
 * Whole-run benchmarks of the engine on PostgreSQL, each measured against its plain-JDBC
 * floor in the same run.
 */
@NullMarked
package dev.stepwise.migration.benchmarks;

import org.jspecify.annotations.NullMarked;
