/**
 * What differs between PostgreSQL, MySQL/MariaDB and H2, detected once from the connection's metadata.
 */
@NullMarked
package dev.stepwise.migration.internal.dialect;

import org.jspecify.annotations.NullMarked;
