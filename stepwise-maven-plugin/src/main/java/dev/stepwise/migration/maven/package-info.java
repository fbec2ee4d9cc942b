/**
 * {@code mvn stepwise:migrate} and friends: the engine's workflows on the project's own
 * class path, built on the engine's public API only.
 */
@NullMarked
package dev.stepwise.migration.maven;

import org.jspecify.annotations.NullMarked;
