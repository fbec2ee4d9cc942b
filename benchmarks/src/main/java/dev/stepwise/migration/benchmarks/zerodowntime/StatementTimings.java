package dev.stepwise.migration.benchmarks.zerodowntime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where the engine's time goes on its connections: every statement execution, commit and
 * round-tripping connection call, summed by a short label (the statement's first words and
 * target), so that a backfill batch's duration can be split into its parts. Each
 * connection also tells an {@link ExpandTimeline} what it ran and when it committed.
 */
final class StatementTimings {

	private final Map<String, long[]> totals = new LinkedHashMap<>();

	private final RunClock clock;

	private final ExpandTimeline timeline;

	StatementTimings(RunClock clock, ExpandTimeline timeline) {
		this.clock = clock;
		this.timeline = timeline;
	}

	/** A connection whose statements, commits and settings calls are timed and told to the timeline. */
	Connection timed(Connection connection) {
		ExpandTimeline.Session session = this.timeline.session();
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, arguments) -> {
					long start = this.clock.now();
					Object result = invoke(connection, method, arguments);
					long end = this.clock.now();
					String name = method.getName();
					if (name.equals("commit") || name.equals("rollback") || name.endsWith("TransactionIsolation")
							|| name.equals("setAutoCommit")) {
						add("jdbc " + name, end - start);
					}
					if (name.equals("commit")) {
						session.committed(end);
					}
					else if (name.equals("rollback") || name.equals("setAutoCommit")) {
						// A transaction of JDBC's starts with the first statement after these.
						session.rolledBack();
					}
					if (result instanceof PreparedStatement statement && name.startsWith("prepare")) {
						return timedStatement(statement, PreparedStatement.class, (String) arguments[0], session);
					}
					if (result instanceof Statement statement) {
						return timedStatement(statement, Statement.class, null, session);
					}
					return result;
				});
	}

	synchronized Map<String, long[]> totals() {
		Map<String, long[]> copy = new LinkedHashMap<>();
		this.totals.forEach((label, figures) -> copy.put(label, figures.clone()));
		return copy;
	}

	private Statement timedStatement(Statement statement, Class<?> type, @Nullable String preparedSql,
			ExpandTimeline.Session session) {
		return (Statement) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				new Timing(statement, preparedSql, session));
	}

	synchronized void add(String label, long nanos) {
		long[] figures = this.totals.computeIfAbsent(label, (key) -> new long[2]);
		figures[0]++;
		figures[1] += nanos;
	}

	/** The statement's verb and what it acts on, such as {@code UPDATE "users" SET} or {@code SELECT "id" FROM "users"}. */
	static String label(String sql) {
		String[] words = sql.trim().replaceAll("\\s+", " ").split(" ");
		int length = Math.min(words.length, words[0].equalsIgnoreCase("SELECT") ? 4 : 3);
		return String.join(" ", Arrays.copyOf(words, length)).toUpperCase(Locale.ROOT).replace("\"", "");
	}

	private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private final class Timing implements InvocationHandler {

		private final Statement statement;

		private final @Nullable String preparedSql;

		private final ExpandTimeline.Session session;

		/** The text and whole-number parameters bound so far, by index: a batch's cursor is among them. */
		private final Map<Integer, Object> parameters = new HashMap<>();

		Timing(Statement statement, @Nullable String preparedSql, ExpandTimeline.Session session) {
			this.statement = statement;
			this.preparedSql = preparedSql;
			this.session = session;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] arguments) throws Throwable {
			String name = method.getName();
			if ((name.equals("setString") || name.equals("setLong")) && arguments != null) {
				if (arguments[1] != null) {
					this.parameters.put((Integer) arguments[0], arguments[1]);
				}
				else {
					this.parameters.remove((Integer) arguments[0]);
				}
			}
			else if (name.equals("clearParameters")) {
				this.parameters.clear();
			}
			if (!name.startsWith("execute")) {
				return StatementTimings.invoke(this.statement, method, arguments);
			}
			String sql = (arguments != null && arguments.length > 0 && arguments[0] instanceof String text) ? text
					: this.preparedSql;
			long start = StatementTimings.this.clock.now();
			try {
				return StatementTimings.invoke(this.statement, method, arguments);
			}
			finally {
				long end = StatementTimings.this.clock.now();
				add((sql != null) ? label(sql) : "statement", end - start);
				if (sql != null) {
					this.session.executed(sql, Map.copyOf(this.parameters), start, end);
				}
			}
		}

	}

}
