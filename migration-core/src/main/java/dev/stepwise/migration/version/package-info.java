/**
 * Migration versions: dotted or underscored numbers compared numerically.
 */
@NullMarked
package dev.stepwise.migration.version;

import org.jspecify.annotations.NullMarked;
