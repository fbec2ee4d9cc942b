/**
 * Auto-configuration of Stepwise for Spring Boot: the engine, its properties and the migration run at start-up.
 */
@NullMarked
package dev.stepwise.migration.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
