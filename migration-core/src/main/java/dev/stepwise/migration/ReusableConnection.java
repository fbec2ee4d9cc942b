package dev.stepwise.migration;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * One physical connection of {@link ReusingDataSource}, lent to one caller at a time
 * through a proxy whose {@code close()} gives it back.
 */
final class ReusableConnection {

	private final Connection physical;

	private final ReusingDataSource owner;

	// What the driver gave: a lease that changed one of these puts it back.
	private final boolean autoCommit;

	private final int isolation;

	private final boolean readOnly;

	private final @Nullable String catalog;

	private long returnedAt = System.nanoTime();

	ReusableConnection(Connection physical, ReusingDataSource owner) throws SQLException {
		this.physical = physical;
		this.owner = owner;
		try {
			this.autoCommit = physical.getAutoCommit();
			this.isolation = physical.getTransactionIsolation();
			this.readOnly = physical.isReadOnly();
			this.catalog = physical.getCatalog();
		}
		catch (SQLException ex) {
			closePhysical();
			throw ex;
		}
	}

	Connection lend() {
		return (Connection) Proxy.newProxyInstance(ReusableConnection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new Lease());
	}

	/**
	 * Whether the connection may be lent again: used within the window, or answering a
	 * check (a server restart, a proxy's idle timeout or a {@code KILL} drops it).
	 */
	boolean usable(long windowNanos, int timeoutSeconds) {
		try {
			if (this.physical.isClosed()) {
				return false;
			}
			return System.nanoTime() - this.returnedAt < windowNanos || this.physical.isValid(timeoutSeconds);
		}
		catch (SQLException | RuntimeException ex) {
			ReusingDataSource.debug("An idle connection failed its check; it is replaced", ex);
			return false;
		}
	}

	void closePhysical() {
		try {
			this.physical.close();
		}
		catch (SQLException | RuntimeException ex) {
			ReusingDataSource.debug("Could not close an idle connection", ex);
		}
	}

	/**
	 * One use of the connection, from {@code getConnection()} to {@code close()}. A call
	 * that fails marks the connection broken: it may have lost its session, or still hold
	 * what the caller could not release (a session lock), so it is closed, not reused.
	 */
	private final class Lease implements InvocationHandler {

		private boolean returned;

		private boolean broken;

		private boolean settingsChanged;

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] arguments) throws Throwable {
			String name = method.getName();
			switch (name) {
				case "close" -> {
					giveBack();
					return null;
				}
				case "isClosed" -> {
					return this.returned || ReusableConnection.this.physical.isClosed();
				}
				case "equals" -> {
					return arguments != null && proxy == arguments[0];
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				case "toString" -> {
					return "Reused " + ReusableConnection.this.physical;
				}
				case "abort" -> this.broken = true;
				case "setTransactionIsolation", "setReadOnly", "setCatalog", "setSchema" -> this.settingsChanged = true;
				default -> {
				}
			}
			if (this.returned) {
				throw new SQLException("The connection is closed", "08003");
			}
			try {
				return method.invoke(ReusableConnection.this.physical, arguments);
			}
			catch (InvocationTargetException ex) {
				this.broken |= ex.getCause() instanceof SQLException;
				throw ex.getCause();
			}
		}

		private synchronized void giveBack() {
			if (this.returned) {
				return;
			}
			this.returned = true;
			ReusableConnection connection = ReusableConnection.this;
			if (!this.broken) {
				try {
					reset();
					connection.returnedAt = System.nanoTime();
					connection.owner.returned(connection);
					return;
				}
				catch (SQLException | RuntimeException ex) {
					ReusingDataSource.debug("Could not reset a connection for reuse; it is closed", ex);
				}
			}
			connection.closePhysical();
			connection.owner.returned(null);
		}

		private void reset() throws SQLException {
			Connection physical = ReusableConnection.this.physical;
			if (physical.isClosed()) {
				throw new SQLException("closed by its user");
			}
			if (!physical.getAutoCommit()) {
				physical.rollback();
			}
			physical.setAutoCommit(ReusableConnection.this.autoCommit);
			if (this.settingsChanged) {
				physical.setTransactionIsolation(ReusableConnection.this.isolation);
				physical.setReadOnly(ReusableConnection.this.readOnly);
				if (ReusableConnection.this.catalog != null) {
					physical.setCatalog(ReusableConnection.this.catalog);
				}
			}
		}

	}

}
