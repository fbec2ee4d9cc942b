/**
 * The {@code stepwise} command line: every engine workflow from a shell, a pipeline or a
 * Kubernetes Job, built on the engine's public API only.
 */
@NullMarked
package dev.stepwise.migration.cli;

import org.jspecify.annotations.NullMarked;
