package dev.stepwise.migration.maven;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.ContractResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Contracts an expanded column change; the build fails while live instances still need the old shape.
 */
@Mojo(name = "contract", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ContractMojo extends AbstractStepwiseMojo {

	/** The change's id, table.new_column. */
	@Parameter(property = "stepwise.change", required = true)
	String change = "";

	@Override
	void run(Stepwise engine) throws MojoFailureException {
		ContractResult result = engine.contract(this.change);
		if (result.deferred()) {
			throw new MojoFailureException("Contract of " + result.id() + " deferred, nothing was dropped: "
					+ (result.waitingFor().isEmpty() ? "its backfill has not finished"
							: "live instances still run older code: " + result.waitingFor().stream()
								.map((instance) -> instance.instanceId() + " on " + instance.host())
								.toList())
					+ ". Run it again once they are gone.");
		}
		getLog().info("Contracted " + result.id());
	}

}
