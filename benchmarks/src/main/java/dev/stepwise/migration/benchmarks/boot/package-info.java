/**
 * The minimal Spring Boot applications that the start-up benchmark launches, one fresh JVM
 * per round and variant.
 */
@NullMarked
package dev.stepwise.migration.benchmarks.boot;

import org.jspecify.annotations.NullMarked;
