/**
 * The wanted schema from JPA entities: Hibernate ORM builds it into a shadow database with
 * Spring Boot's naming, so that the next migration can be generated from the difference.
 */
@NullMarked
package dev.stepwise.migration.jpa;

import org.jspecify.annotations.NullMarked;
