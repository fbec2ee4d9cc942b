package dev.stepwise.migration;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * One physical connection of {@link ReusingDataSource}, lent to one caller at a time
 * as a {@link LeasedConnection}, whose {@code close()} gives it back.
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
		return new LeasedConnection(this, this.physical);
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
	 * Takes the connection back from a lease: reset and kept for the next one, or closed when
	 * the lease broke it or it cannot be reset.
	 * @param broken whether a call of the lease failed, or it aborted the connection
	 * @param settingsChanged whether the lease changed the isolation, read-only, catalogue or schema
	 */
	void giveBack(boolean broken, boolean settingsChanged) {
		if (!broken) {
			try {
				reset(settingsChanged);
				this.returnedAt = System.nanoTime();
				this.owner.returned(this);
				return;
			}
			catch (SQLException | RuntimeException ex) {
				ReusingDataSource.debug("Could not reset a connection for reuse; it is closed", ex);
			}
		}
		closePhysical();
		this.owner.returned(null);
	}

	private void reset(boolean settingsChanged) throws SQLException {
		if (this.physical.isClosed()) {
			throw new SQLException("closed by its user");
		}
		if (!this.physical.getAutoCommit()) {
			this.physical.rollback();
		}
		this.physical.setAutoCommit(this.autoCommit);
		if (settingsChanged) {
			this.physical.setTransactionIsolation(this.isolation);
			this.physical.setReadOnly(this.readOnly);
			if (this.catalog != null) {
				this.physical.setCatalog(this.catalog);
			}
		}
	}

}
