/**
 * The Actuator endpoint {@code migrations}: the history of every engine, and rollback and migrate operations.
 */
@NullMarked
package dev.stepwise.migration.boot.actuate;

import org.jspecify.annotations.NullMarked;
