package dev.stepwise.migration.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;

/**
 * With {@code --verbose}, prints each SQL statement as the engine sends it, so a reviewer
 * can hold a run against its dry run.
 */
final class StatementLog {

	static final String PREFIX = "SQL> ";

	private StatementLog() {
	}

	/**
	 * The driver, whose connections print what they send: the engine opens them through it,
	 * and keeps them for reuse within a run.
	 */
	static Driver wrap(Driver driver, PrintWriter log) {
		return (Driver) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { Driver.class },
				(proxy, method, arguments) -> {
					Object result = invoke(driver, method, arguments);
					return (result instanceof Connection connection) ? connection(connection, log) : result;
				});
	}

	private static Connection connection(Connection connection, PrintWriter log) {
		return (Connection) Proxy.newProxyInstance(StatementLog.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().startsWith("prepare") && arguments != null && arguments[0] instanceof String sql) {
						print(log, sql);
					}
					Object result = invoke(connection, method, arguments);
					if (result instanceof Statement statement && !method.getName().startsWith("prepare")) {
						return statement(statement, log);
					}
					return result;
				});
	}

	private static Statement statement(Statement statement, PrintWriter log) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			if ((method.getName().startsWith("execute") || method.getName().equals("addBatch")) && arguments != null
					&& arguments.length > 0 && arguments[0] instanceof String sql) {
				print(log, sql);
			}
			return invoke(statement, method, arguments);
		};
		return (Statement) Proxy.newProxyInstance(StatementLog.class.getClassLoader(),
				new Class<?>[] { Statement.class }, handler);
	}

	private static void print(PrintWriter log, String sql) {
		log.println(PREFIX + sql.replace("\n", "\n" + PREFIX));
		log.flush();
	}

	private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
