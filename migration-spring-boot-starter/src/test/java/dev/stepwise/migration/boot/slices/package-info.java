/**
 * Tests that Spring Boot's test slices and JPA run Stepwise's migrations as they run Flyway's.
 */
@NullMarked
package dev.stepwise.migration.boot.slices;

import org.jspecify.annotations.NullMarked;
