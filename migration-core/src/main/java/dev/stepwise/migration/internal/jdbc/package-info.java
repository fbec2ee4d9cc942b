/**
 * JDBC plumbing shared by every stage of the engine: one way to run work in a transaction
 * and put the connection back as it was, even when the database has killed it.
 */
@NullMarked
package dev.stepwise.migration.internal.jdbc;

import org.jspecify.annotations.NullMarked;
