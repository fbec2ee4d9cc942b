package dev.stepwise.migration.boot.autoconfigure;

import java.util.function.UnaryOperator;

/**
 * Wraps the start-up migration strategy, so that optional features (Observations) can
 * surround each run without the core auto-configuration knowing their classes.
 */
@FunctionalInterface
interface MigrationStrategyDecorator extends UnaryOperator<StepwiseMigrationStrategy> {

}
