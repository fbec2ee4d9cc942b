package dev.stepwise.migration.expand;

import java.lang.reflect.Method;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The maximum size of a connection pool, read from the pools Spring Boot configures
 * (HikariCP, Tomcat, DBCP2, Oracle UCP, c3p0) without depending on any of them, through
 * Spring's delegating data sources.
 */
final class PoolSize {

	private static final String[] GETTERS = { "getMaximumPoolSize", "getMaxTotal", "getMaxActive", "getMaxPoolSize" };

	private PoolSize() {
	}

	/** The pool's maximum size, or {@link Integer#MAX_VALUE} when it is not a pool this knows. */
	static int of(DataSource dataSource) {
		@Nullable Object current = dataSource;
		for (int depth = 0; depth < 5 && current != null; depth++) {
			Integer size = size(current);
			if (size != null) {
				return (size > 0) ? size : Integer.MAX_VALUE;
			}
			current = invoke(current, "getTargetDataSource");
		}
		return Integer.MAX_VALUE;
	}

	private static @Nullable Integer size(Object dataSource) {
		for (String getter : GETTERS) {
			if (invoke(dataSource, getter) instanceof Integer size) {
				return size;
			}
		}
		return null;
	}

	private static @Nullable Object invoke(Object target, String name) {
		try {
			Method method = target.getClass().getMethod(name);
			return method.invoke(target);
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			// Not that kind of pool, or it will not say: the size stays unknown.
			return null;
		}
	}

}
