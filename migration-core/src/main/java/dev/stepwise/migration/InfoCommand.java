package dev.stepwise.migration;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseInfo;
import dev.stepwise.migration.backfill.Backfill;
import dev.stepwise.migration.internal.resolve.ResolvedMigration;
import org.jspecify.annotations.Nullable;

/**
 * The engine's reads, which take no lock: {@link Stepwise#info()}, the expansions, the
 * backfills and the code's version.
 */
final class InfoCommand {

	private final EngineContext context;

	InfoCommand(EngineContext context) {
		this.context = context;
	}

	StepwiseInfo info() {
		try (Session session = this.context.openSession()) {
			return this.context.states(this.context.resolve(session), this.context.history().orAdoptable(session, null))
				.toInfo(this.context.expansionsOf(session));
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("read the history", ex);
		}
	}

	@Nullable MigrationVersion codeVersion() {
		return this.context.resolve(this.context.target().dialect().type())
			.stream()
			.map(ResolvedMigration::version)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	List<Expansion> expansions() {
		try (Session session = this.context.openSession()) {
			return this.context.expansionsOf(session);
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("read the expansions", ex);
		}
	}

	List<BackfillProgress> backfills() {
		try (Session session = this.context.openSession()) {
			return Backfill.progress(this.context.configuration().dataSource(), session.dialect().type(),
					session.history().schema());
		}
		catch (SQLException ex) {
			throw EngineContext.databaseFailure("read the backfills", ex);
		}
	}

}
