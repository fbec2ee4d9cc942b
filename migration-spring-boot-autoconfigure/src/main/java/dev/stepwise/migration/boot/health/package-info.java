/**
 * The health indicator {@code migrations}: pending and failed migrations of every engine.
 */
@NullMarked
package dev.stepwise.migration.boot.health;

import org.jspecify.annotations.NullMarked;
