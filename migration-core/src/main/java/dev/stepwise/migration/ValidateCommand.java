package dev.stepwise.migration;

import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.RunEvent;
import dev.stepwise.migration.internal.execute.Callbacks;
import dev.stepwise.migration.internal.resolve.MigrationResolver;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;

/**
 * {@link Stepwise#validate()}: checks the sources against the history (or against Flyway's,
 * not adopted yet), between the validate callbacks.
 */
final class ValidateCommand {

	private final EngineContext context;

	ValidateCommand(EngineContext context) {
		this.context = context;
	}

	/** @throws MigrationValidationException naming every problem and its fix */
	void run() {
		try (Session session = this.context.openSession()) {
			MigrationResolver.Sources sources = this.context.sources(session);
			List<ResolvedMigration> resolved = sources.migrations();
			Callbacks callbacks = this.context.callbacks(session, sources);
			callbacks.fire(RunEvent.BEFORE_VALIDATE, session.connection());
			try {
				this.context.validate(session,
						this.context.states(resolved, this.context.history().orAdoptable(session, resolved)));
			}
			catch (RuntimeException ex) {
				EngineContext.fireAfterFailure(callbacks, RunEvent.AFTER_VALIDATE_ERROR, session, ex);
				throw ex;
			}
			callbacks.fire(RunEvent.AFTER_VALIDATE, session.connection());
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("validate", ex);
		}
	}

}
