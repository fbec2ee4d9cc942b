package dev.stepwise.migration.benchmarks.zerodowntime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where the engine's time goes on its connections: every statement execution, commit and
 * round-tripping connection call, summed by a short label (the statement's first words and
 * target), so that a backfill batch's duration can be split into its parts.
 */
final class StatementTimings {

	private final Map<String, long[]> totals = new LinkedHashMap<>();

	/** A connection whose statements, commits and settings calls are timed. */
	Connection timed(Connection connection, InvocationHandler outer) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, arguments) -> {
					long start = System.nanoTime();
					Object result = outer.invoke(proxy, method, arguments);
					String name = method.getName();
					if (name.equals("commit") || name.equals("rollback") || name.endsWith("TransactionIsolation")
							|| name.equals("setAutoCommit")) {
						add("jdbc " + name, System.nanoTime() - start);
					}
					if (result instanceof Statement statement && name.startsWith("prepare")) {
						return timedStatement(statement, label((String) arguments[0]));
					}
					if (result instanceof Statement statement) {
						return timedStatement(statement, null);
					}
					return result;
				});
	}

	synchronized Map<String, long[]> totals() {
		Map<String, long[]> copy = new LinkedHashMap<>();
		this.totals.forEach((label, figures) -> copy.put(label, figures.clone()));
		return copy;
	}

	private Statement timedStatement(Statement statement, @Nullable String preparedLabel) {
		Class<?> type = (statement instanceof java.sql.PreparedStatement) ? java.sql.PreparedStatement.class : Statement.class;
		return (Statement) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, new Timing(statement,
				preparedLabel));
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
		return String.join(" ", java.util.Arrays.copyOf(words, length)).toUpperCase(Locale.ROOT).replace("\"", "");
	}

	private final class Timing implements InvocationHandler {

		private final Statement statement;

		private final @Nullable String preparedLabel;

		Timing(Statement statement, @Nullable String preparedLabel) {
			this.statement = statement;
			this.preparedLabel = preparedLabel;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] arguments) throws Throwable {
			boolean executes = method.getName().startsWith("execute");
			long start = System.nanoTime();
			try {
				return method.invoke(this.statement, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			finally {
				if (executes) {
					String label = (arguments != null && arguments.length > 0 && arguments[0] instanceof String sql) ? label(sql)
							: this.preparedLabel;
					add((label != null) ? label : "statement", System.nanoTime() - start);
				}
			}
		}

	}

}
