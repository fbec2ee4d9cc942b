package dev.stepwise.migration.cli;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.tool.Settings;
import picocli.CommandLine.Command;

/**
 * {@code stepwise instances}: the application instances a contract waits for.
 */
@Command(name = "instances", description = "List the registered application instances, live or silent.")
final class InstancesCommand extends EngineCommand {

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		List<RegisteredInstance> instances;
		try {
			instances = engine.instances().instances();
		}
		catch (SQLException ex) {
			throw new StepwiseException("Could not read the instance registry: " + ex.getMessage(), ex);
		}
		if (console.json()) {
			console.printJson(instances.stream().map(Views::instance).toList());
			return ExitCode.OK;
		}
		if (instances.isEmpty()) {
			console.say("No application instance is registered on " + this.target + ".");
			return ExitCode.OK;
		}
		Duration staleness = engine.configuration().instanceStaleness();
		Table table = new Table("Instance", "Host", "Code version", "Started", "Last heartbeat", "Live");
		for (RegisteredInstance instance : instances) {
			table.row(instance.instanceId(), instance.host(), instance.maxVersion(), instance.startedAt(),
					instance.heartbeatAt(), (instance.silence().compareTo(staleness) <= 0) ? "yes" : "no (silent)");
		}
		table.print(console.out());
		console.flush();
		return ExitCode.OK;
	}

}
