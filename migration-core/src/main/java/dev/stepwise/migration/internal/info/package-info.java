/**
 * Merging resolved migrations with the applied history into states.
 */
@NullMarked
package dev.stepwise.migration.internal.info;

import org.jspecify.annotations.NullMarked;
