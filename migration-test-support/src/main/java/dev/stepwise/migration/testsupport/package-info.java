/**
 * What the modules' tests share to run on real databases: a fresh database per test class
 * ({@link dev.stepwise.migration.testsupport.OnDatabase} or the
 * {@link dev.stepwise.migration.testsupport.TestDatabaseExtension}), scripts written into a
 * folder, small JDBC helpers for assertions and a snapshot of the catalogue. A normal jar used
 * in test scope; it does not depend on the core, because the core's own tests use it.
 */
@NullMarked
package dev.stepwise.migration.testsupport;

import org.jspecify.annotations.NullMarked;
