/**
 * Zero-downtime column changes in two phases, expand and contract, kept in sync by triggers, with a registry of running instances that defers a contract until no instance needs the old shape.
 */
@NullMarked
package dev.stepwise.migration.expand;

import org.jspecify.annotations.NullMarked;
