package dev.stepwise.migration.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.RunEvent;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.internal.dialect.Dialect;
import dev.stepwise.migration.internal.resolve.SqlCallback;
import dev.stepwise.migration.internal.sql.SqlScript;
import dev.stepwise.migration.internal.sql.SqlScriptParser;
import dev.stepwise.migration.internal.sql.SqlStatement;

/**
 * Runs what belongs to a point of the run: first its SQL callbacks, each in a transaction of
 * its own (unless it cannot run in one), then the listeners, on the run's work connection.
 */
public final class Callbacks {

	private final List<SqlCallback> scripts;

	private final ExecutionSettings configuration;

	private final Dialect dialect;

	private final Listeners listeners;

	private final ScriptPlaceholders placeholders;

	public Callbacks(List<SqlCallback> scripts, ExecutionSettings configuration, Dialect dialect,
			Listeners listeners, ScriptPlaceholders placeholders) {
		this.placeholders = placeholders;
		this.scripts = List.copyOf(scripts);
		this.configuration = configuration;
		this.dialect = dialect;
		this.listeners = listeners;
	}

	/** Whether a SQL callback exists for the event. */
	public boolean has(RunEvent event) {
		for (SqlCallback callback : this.scripts) {
			if (callback.event() == event) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Runs the event's SQL callbacks, then tells the listeners.
	 * @throws StepwiseException naming the callback, its line and what it left behind
	 */
	public void fire(RunEvent event, Connection connection) {
		for (SqlCallback callback : this.scripts) {
			if (callback.event() == event) {
				run(callback, connection);
			}
		}
		this.listeners.tell((listener) -> listener.onRunEvent(event, connection));
	}

	private void run(SqlCallback callback, Connection connection) {
		String path = callback.script().path();
		String text = this.placeholders.apply(callback.script(), callback.script().read(this.configuration.encoding()));
		SqlScript script = SqlScriptParser.parse(path, text, this.dialect.type(), this.configuration.mixed());
		SqlStatement current = null;
		try {
			connection.setAutoCommit(!script.transactional());
			for (SqlStatement statement : script.statements()) {
				current = statement;
				try (var jdbc = connection.createStatement()) {
					jdbc.execute(statement.sql());
				}
			}
			if (script.transactional()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			rollbackQuietly(connection, script.transactional());
			String line = (current != null) ? " at line " + current.line() : "";
			String leftBehind = (script.transactional() && !this.dialect.ddlAutoCommits())
					? "It was rolled back." : "Statements before the failing one may have taken effect.";
			throw new StepwiseException("The " + callback.event().callbackName() + " callback "
					+ callback.script() + " failed" + line + ": " + ex.getMessage() + ". " + leftBehind
					+ " Fix the callback (or move it out of " + callback.script().location() + ") and run again.", ex);
		}
		finally {
			try {
				connection.setAutoCommit(true);
			}
			catch (SQLException ex) {
				// The connection is broken; the caller's next statement reports it.
			}
		}
	}

	private static void rollbackQuietly(Connection connection, boolean transactional) {
		if (transactional) {
			try {
				connection.rollback();
			}
			catch (SQLException ex) {
				// Reported through the original failure.
			}
		}
	}

}
