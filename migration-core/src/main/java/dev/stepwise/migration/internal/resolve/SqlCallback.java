package dev.stepwise.migration.internal.resolve;

import dev.stepwise.migration.api.RunEvent;
import dev.stepwise.migration.api.ScriptResource;

/**
 * A SQL script that runs at a point of the run, named after it as Flyway names callbacks.
 *
 * @param event when it runs
 * @param script the script
 */
public record SqlCallback(RunEvent event, ScriptResource script) {

}
