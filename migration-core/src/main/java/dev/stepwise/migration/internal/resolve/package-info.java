/**
 * Finding migrations: script names, classpath and filesystem locations, Java migrations, checksums and placeholders.
 */
@NullMarked
package dev.stepwise.migration.internal.resolve;

import org.jspecify.annotations.NullMarked;
