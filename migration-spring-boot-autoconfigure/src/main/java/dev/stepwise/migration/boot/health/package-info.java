/**
 * The health indicator {@code migrations}: pending and failed migrations, column changes in
 * flight and deferred contracts of every engine.
 */
@NullMarked
package dev.stepwise.migration.boot.health;

import org.jspecify.annotations.NullMarked;
