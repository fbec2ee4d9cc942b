/**
 * The catalogue of a schema (tables, columns, keys, indexes, foreign keys, checks, sequences)
 * as PostgreSQL, MariaDB/MySQL or H2 report it, the ordered differences between two
 * catalogues, and the SQL (with its undo) that turns one into the other. Drift detection and
 * the JPA generator are built on it; nothing here needs Spring or Hibernate.
 */
@NullMarked
package dev.stepwise.migration.catalog;

import org.jspecify.annotations.NullMarked;
