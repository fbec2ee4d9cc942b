package dev.stepwise.migration.boot.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.api.LockTimeoutException;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.RollbackRefusedException;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.ContractDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.EngineDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.MigrateDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.MigrationsDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.RepairDescriptor;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.RollbackDescriptor;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The Actuator endpoint {@code migrations}: every engine's history, expansions, backfills
 * and registered instances, and, when {@code stepwise.rollback.enabled=true}, rollback,
 * migrate, contract and repair on request.
 * <p>
 * Concurrent operations, here or from other instances, are serialised by the engine's lock.
 */
@Endpoint(id = "migrations")
public class StepwiseEndpoint {

	static final int STATUS_FORBIDDEN = 403;

	static final int STATUS_CONFLICT = 409;

	private final Map<String, Stepwise> engines;

	private final boolean writesEnabled;

	private final @Nullable DriftCheck driftCheck;

	/**
	 * Creates the endpoint.
	 * @param engines the engines by bean name
	 * @param writesEnabled whether rollback and migrate are allowed
	 */
	public StepwiseEndpoint(Map<String, Stepwise> engines, boolean writesEnabled) {
		this(engines, writesEnabled, null);
	}

	/**
	 * Creates the endpoint with a drift section.
	 * @param engines the engines by bean name
	 * @param writesEnabled whether rollback and migrate are allowed
	 * @param driftCheck what compares each database with what its applied migrations make,
	 * or {@code null} for no drift section
	 */
	public StepwiseEndpoint(Map<String, Stepwise> engines, boolean writesEnabled, @Nullable DriftCheck driftCheck) {
		this.engines = new LinkedHashMap<>(engines);
		this.writesEnabled = writesEnabled;
		this.driftCheck = driftCheck;
	}

	/**
	 * The current version and every migration of each engine, with its column changes, their
	 * backfills and the registered instances.
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<String, EngineDescriptor> described = new LinkedHashMap<>();
		this.engines.forEach((name, engine) -> described.put(name, EngineDescriptor.of(engine)));
		return new MigrationsDescriptor(described, (this.driftCheck != null) ? this.driftCheck.check(this.engines) : null);
	}

	/**
	 * Rolls back ({@code rollback}: a {@code target} version or a {@code count}), applies
	 * what is pending, rolled back migrations included ({@code migrate}), contracts an
	 * expanded column change ({@code contract}: a {@code change} id), or repairs the history
	 * ({@code repair}: removes FAILED records, accepts edited checksums, and settles a failed
	 * rollback named by {@code markRolledBack} or {@code markApplied}); {@code dryRun} returns
	 * the plan of a rollback, migrate or repair without changing anything.
	 * <p>
	 * Repair sits behind the same switch as rollback: it changes only the history, but a
	 * wrong mark makes the history lie about the schema, which is as harmful as a wrong undo.
	 * @param operation {@code rollback}, {@code migrate}, {@code contract} or {@code repair}
	 * @param target roll back everything above this version
	 * @param count roll back this many of the most recent migrations
	 * @param dryRun whether to return only the plan
	 * @param change the change to contract, {@code table.new_column}
	 * @param engine the engine's bean name, needed when there are several
	 * @param markRolledBack repair: the version whose failed rollback a person finished by hand
	 * @param markApplied repair: the version whose failed rollback a person undid by hand
	 * @return what was done or planned (a contract deferred by instances of older code is a
	 * 200 too, naming them), or a 400, 403 or 409 with a message
	 */
	@WriteOperation
	public WebEndpointResponse<Object> operate(@Selector String operation, @Nullable String target,
			@Nullable Integer count, @Nullable Boolean dryRun, @Nullable String change, @Nullable String engine,
			@Nullable String markRolledBack, @Nullable String markApplied) {
		if (!this.writesEnabled) {
			return error(STATUS_FORBIDDEN, "Rollback, migrate, contract and repair through Actuator are disabled:"
					+ " set stepwise.rollback.enabled=true (and protect the endpoint) to enable them");
		}
		try {
			OperationRequest.checkOperation(operation);
			OperationRequest request = new OperationRequest(target, count, Boolean.TRUE.equals(dryRun), change, engine,
					markRolledBack, markApplied);
			String name = request.engineName(this.engines);
			Stepwise stepwise = this.engines.get(name);
			Object result = switch (operation) {
				case "rollback" -> RollbackDescriptor.of(name, stepwise.rollback(request.rollback(stepwise)));
				case "migrate" -> MigrateDescriptor.of(name, stepwise.migrate(request.migrate()));
				case "repair" -> RepairDescriptor.of(name, stepwise.repair(request.repair()));
				default -> ContractDescriptor.of(name, stepwise.contract(request.contract(stepwise)));
			};
			return new WebEndpointResponse<>(result);
		}
		catch (IllegalArgumentException ex) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, ex.getMessage());
		}
		catch (RollbackRefusedException | LockTimeoutException | MigrationValidationException
				| IllegalStateException ex) {
			// IllegalStateException: the database does not allow it now, such as columns out of sync at a contract.
			return error(STATUS_CONFLICT, ex.getMessage());
		}
		catch (StepwiseException ex) {
			return error(WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR, ex.getMessage());
		}
	}

	private static WebEndpointResponse<Object> error(int status, @Nullable String message) {
		// Engine exceptions are masked already; this also covers a driver's text in any other exception.
		return new WebEndpointResponse<>(new ErrorDescriptor(status, String.valueOf(CredentialMask.mask(message))),
				status);
	}

	/**
	 * Why a write operation did nothing.
	 *
	 * @param status the HTTP status
	 * @param message what was wrong and how to fix it
	 */
	public record ErrorDescriptor(int status, String message) implements OperationResponseBody {

	}

}
