package dev.stepwise.migration.maven;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.api.StepwiseException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Logs the registered application instances, live or silent: those a contract waits for.
 */
@Mojo(name = "instances", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class InstancesMojo extends AbstractStepwiseMojo {

	@Override
	void run(Stepwise engine) {
		List<RegisteredInstance> instances;
		try {
			instances = engine.instances().instances();
		}
		catch (SQLException ex) {
			throw new StepwiseException("Could not read the instance registry: " + ex.getMessage(), ex);
		}
		if (instances.isEmpty()) {
			getLog().info("No application instance is registered");
			return;
		}
		Duration staleness = engine.configuration().instanceStaleness();
		for (RegisteredInstance instance : instances) {
			getLog().info(String.format("%-36s %-20s code version %s, last heartbeat %s, %s", instance.instanceId(),
					instance.host(), instance.maxVersion(), instance.heartbeatAt(),
					(instance.silence().compareTo(staleness) <= 0) ? "live" : "silent"));
		}
	}

}
