/**
 * Migrations and helpers shared by the starter's tests.
 */
@NullMarked
package dev.stepwise.migration.boot.testsupport;

import org.jspecify.annotations.NullMarked;
