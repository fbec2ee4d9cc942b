package dev.stepwise.migration.cli;

import java.util.stream.Collectors;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.tool.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code stepwise contract <change>}: drops the old shape of an expanded column change,
 * unless live instances still need it.
 */
@Command(name = "contract", description = "Contract an expanded column change now; exit code 5 while live instances still need the old shape.")
final class ContractCommand extends EngineCommand {

	@Parameters(index = "0", paramLabel = "CHANGE", description = "The change's id, table.new_column (see stepwise info).")
	String change = "";

	@Override
	ExitCode run(Stepwise engine, Settings settings, Console console) {
		ContractResult result = engine.contract(this.change);
		if (console.json()) {
			console.printJson(Views.contract(result));
		}
		if (result.contracted()) {
			if (!console.json()) {
				console.say("Contracted " + result.id() + ": the old column and its sync triggers are gone.");
			}
			return ExitCode.OK;
		}
		String waiting = result.waitingFor()
			.stream()
			.map((instance) -> instance.instanceId() + " on " + instance.host() + " (code up to version "
					+ instance.maxVersion() + ")")
			.collect(Collectors.joining(", "));
		console.err().println("Contract of " + result.id() + " deferred, nothing was dropped: "
				+ (waiting.isEmpty() ? "its backfill has not finished" : "live instances still run older code: " + waiting)
				+ ". Run it again once they are gone (stepwise instances lists them).");
		console.flush();
		return ExitCode.REFUSED;
	}

}
