/**
 * This application instance's entry in the instance registry, its heartbeat and the background
 * retry of deferred contracts.
 */
@NullMarked
package dev.stepwise.migration.boot.registry;

import org.jspecify.annotations.NullMarked;
