package dev.stepwise.migration.api;

import java.util.List;

/**
 * What a contract did: ran (or had already run), or was deferred because live instances
 * still run code older than the expand, or because its backfill is running elsewhere.
 *
 * @param id the change's key
 * @param contracted whether the old column is gone
 * @param waitingFor the instances a deferred contract waits for; empty when contracted, or
 * when it waits for its backfill
 */
public record ContractResult(String id, boolean contracted, List<RegisteredInstance> waitingFor) {

	public ContractResult {
		waitingFor = List.copyOf(waitingFor);
	}

	public boolean deferred() {
		return !this.contracted;
	}

}
