package dev.stepwise.migration.expand;

import java.util.List;

import dev.stepwise.migration.api.RegisteredInstance;

/**
 * Whether a contract may run now, or which live instances it waits for.
 *
 * @param ready whether every live instance's code contains the expand
 * @param waitingFor the live instances whose code predates the expand; empty when ready
 */
public record ContractDecision(boolean ready, List<RegisteredInstance> waitingFor) {

	public ContractDecision {
		waitingFor = List.copyOf(waitingFor);
	}

	static ContractDecision waitFor(List<RegisteredInstance> instances) {
		return new ContractDecision(instances.isEmpty(), instances);
	}

}
