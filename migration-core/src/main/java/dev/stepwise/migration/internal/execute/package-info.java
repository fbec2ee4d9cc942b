/**
 * Running a plan: one transaction per migration, DDL lock timeouts and retries, listeners.
 */
@NullMarked
package dev.stepwise.migration.internal.execute;

import org.jspecify.annotations.NullMarked;
