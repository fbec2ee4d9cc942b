/**
 * What users of the engine hold and implement: value types (versions, states, results,
 * requests), listener events and their extension point, script sources, and the exceptions
 * the engine throws. Depends on nothing else in Stepwise.
 */
@NullMarked
package dev.stepwise.migration.api;

import org.jspecify.annotations.NullMarked;
