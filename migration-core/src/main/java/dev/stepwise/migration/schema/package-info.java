/**
 * The fluent schema DSL for Java migrations: portable DDL, quoted identifiers, safe-by-default
 * statements per dialect, and automatic inverses.
 */
@NullMarked
package dev.stepwise.migration.schema;

import org.jspecify.annotations.NullMarked;
