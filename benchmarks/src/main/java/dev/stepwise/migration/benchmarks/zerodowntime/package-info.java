/**
 * The zero-downtime load benchmark: writers' latency and throughput while a column rename
 * expands and backfills a large PostgreSQL or MariaDB table, against the single-UPDATE floor.
 */
@NullMarked
package dev.stepwise.migration.benchmarks.zerodowntime;

import org.jspecify.annotations.NullMarked;
