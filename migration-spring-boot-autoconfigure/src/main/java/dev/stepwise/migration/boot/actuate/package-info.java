/**
 * The Actuator endpoint {@code migrations}: the history, expansions and instances of every
 * engine, and rollback, migrate, contract and repair operations.
 */
@NullMarked
package dev.stepwise.migration.boot.actuate;

import org.jspecify.annotations.NullMarked;
