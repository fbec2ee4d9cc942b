/**
 * Migrations written in Java: {@link dev.stepwise.migration.java.JavaMigration} with its
 * context, and {@link dev.stepwise.migration.java.SchemaMigration}, whose undo is derived
 * from its changes.
 */
@NullMarked
package dev.stepwise.migration.java;

import org.jspecify.annotations.NullMarked;
