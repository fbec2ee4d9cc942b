package dev.stepwise.migration;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * One use of a {@link ReusableConnection}, from {@code getConnection()} to {@code close()}:
 * every call goes to the physical connection, but {@code close()} gives it back. A call that
 * fails marks the connection broken: it may have lost its session, or still hold what the
 * caller could not release (a session lock), so it is closed, not reused.
 * <p>
 * A class rather than a {@link java.lang.reflect.Proxy}: generating a proxy class of
 * {@link Connection} costs about 20 ms of CPU in a fresh JVM (JDK 17), several percent of an
 * application's start-up check.
 */
final class LeasedConnection implements Connection {

	private final ReusableConnection owner;

	private final Connection physical;

	private boolean returned;

	private boolean broken;

	private boolean settingsChanged;

	LeasedConnection(ReusableConnection owner, Connection physical) {
		this.owner = owner;
		this.physical = physical;
	}

	@Override
	public synchronized void close() {
		if (this.returned) {
			return;
		}
		this.returned = true;
		this.owner.giveBack(this.broken, this.settingsChanged);
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.returned || this.physical.isClosed();
	}

	@Override
	public void abort(Executor executor) throws SQLException {
		this.broken = true;
		run((physical) -> physical.abort(executor));
	}

	@Override
	public void beginRequest() throws SQLException {
		run(Connection::beginRequest);
	}

	@Override
	public void clearWarnings() throws SQLException {
		run(Connection::clearWarnings);
	}

	@Override
	public void commit() throws SQLException {
		run(Connection::commit);
	}

	@Override
	public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
		return call((physical) -> physical.createArrayOf(typeName, elements));
	}

	@Override
	public Blob createBlob() throws SQLException {
		return call(Connection::createBlob);
	}

	@Override
	public Clob createClob() throws SQLException {
		return call(Connection::createClob);
	}

	@Override
	public NClob createNClob() throws SQLException {
		return call(Connection::createNClob);
	}

	@Override
	public SQLXML createSQLXML() throws SQLException {
		return call(Connection::createSQLXML);
	}

	@Override
	public Statement createStatement() throws SQLException {
		return call(Connection::createStatement);
	}

	@Override
	public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
		return call((physical) -> physical.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
	}

	@Override
	public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
		return call((physical) -> physical.createStatement(resultSetType, resultSetConcurrency));
	}

	@Override
	public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
		return call((physical) -> physical.createStruct(typeName, attributes));
	}

	@Override
	public void endRequest() throws SQLException {
		run(Connection::endRequest);
	}

	@Override
	public boolean getAutoCommit() throws SQLException {
		return call(Connection::getAutoCommit);
	}

	@Override
	public String getCatalog() throws SQLException {
		return call(Connection::getCatalog);
	}

	@Override
	public Properties getClientInfo() throws SQLException {
		return call(Connection::getClientInfo);
	}

	@Override
	public String getClientInfo(String name) throws SQLException {
		return call((physical) -> physical.getClientInfo(name));
	}

	@Override
	public int getHoldability() throws SQLException {
		return call(Connection::getHoldability);
	}

	@Override
	public DatabaseMetaData getMetaData() throws SQLException {
		return call(Connection::getMetaData);
	}

	@Override
	public int getNetworkTimeout() throws SQLException {
		return call(Connection::getNetworkTimeout);
	}

	@Override
	public String getSchema() throws SQLException {
		return call(Connection::getSchema);
	}

	@Override
	public int getTransactionIsolation() throws SQLException {
		return call(Connection::getTransactionIsolation);
	}

	@Override
	public Map<String, Class<?>> getTypeMap() throws SQLException {
		return call(Connection::getTypeMap);
	}

	@Override
	public SQLWarning getWarnings() throws SQLException {
		return call(Connection::getWarnings);
	}

	@Override
	public boolean isReadOnly() throws SQLException {
		return call(Connection::isReadOnly);
	}

	@Override
	public boolean isValid(int timeout) throws SQLException {
		return call((physical) -> physical.isValid(timeout));
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return call((physical) -> physical.isWrapperFor(type));
	}

	@Override
	public String nativeSQL(String sql) throws SQLException {
		return call((physical) -> physical.nativeSQL(sql));
	}

	@Override
	public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
		return call((physical) -> physical.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
	}

	@Override
	public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
		return call((physical) -> physical.prepareCall(sql, resultSetType, resultSetConcurrency));
	}

	@Override
	public CallableStatement prepareCall(String sql) throws SQLException {
		return call((physical) -> physical.prepareCall(sql));
	}

	@Override
	public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
		return call((physical) -> physical.prepareStatement(sql, columnIndexes));
	}

	@Override
	public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
		return call((physical) -> physical.prepareStatement(sql, columnNames));
	}

	@Override
	public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
		return call((physical) -> physical.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
	}

	@Override
	public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
		return call((physical) -> physical.prepareStatement(sql, resultSetType, resultSetConcurrency));
	}

	@Override
	public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
		return call((physical) -> physical.prepareStatement(sql, autoGeneratedKeys));
	}

	@Override
	public PreparedStatement prepareStatement(String sql) throws SQLException {
		return call((physical) -> physical.prepareStatement(sql));
	}

	@Override
	public void releaseSavepoint(Savepoint savepoint) throws SQLException {
		run((physical) -> physical.releaseSavepoint(savepoint));
	}

	@Override
	public void rollback() throws SQLException {
		run(Connection::rollback);
	}

	@Override
	public void rollback(Savepoint savepoint) throws SQLException {
		run((physical) -> physical.rollback(savepoint));
	}

	@Override
	public void setAutoCommit(boolean autoCommit) throws SQLException {
		run((physical) -> physical.setAutoCommit(autoCommit));
	}

	@Override
	public void setCatalog(String catalog) throws SQLException {
		this.settingsChanged = true;
		run((physical) -> physical.setCatalog(catalog));
	}

	@Override
	public void setClientInfo(String name, String value) throws SQLClientInfoException {
		try {
			openForClientInfo().setClientInfo(name, value);
		}
		catch (SQLClientInfoException ex) {
			this.broken = true;
			throw ex;
		}
	}

	@Override
	public void setClientInfo(Properties properties) throws SQLClientInfoException {
		try {
			openForClientInfo().setClientInfo(properties);
		}
		catch (SQLClientInfoException ex) {
			this.broken = true;
			throw ex;
		}
	}

	@Override
	public void setHoldability(int holdability) throws SQLException {
		run((physical) -> physical.setHoldability(holdability));
	}

	@Override
	public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
		run((physical) -> physical.setNetworkTimeout(executor, milliseconds));
	}

	@Override
	public void setReadOnly(boolean readOnly) throws SQLException {
		this.settingsChanged = true;
		run((physical) -> physical.setReadOnly(readOnly));
	}

	@Override
	public Savepoint setSavepoint() throws SQLException {
		return call(Connection::setSavepoint);
	}

	@Override
	public Savepoint setSavepoint(String name) throws SQLException {
		return call((physical) -> physical.setSavepoint(name));
	}

	@Override
	public void setSchema(String schema) throws SQLException {
		this.settingsChanged = true;
		run((physical) -> physical.setSchema(schema));
	}

	@Override
	public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
		run((physical) -> physical.setShardingKey(shardingKey, superShardingKey));
	}

	@Override
	public void setShardingKey(ShardingKey shardingKey) throws SQLException {
		run((physical) -> physical.setShardingKey(shardingKey));
	}

	@Override
	public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
		return call((physical) -> physical.setShardingKeyIfValid(shardingKey, timeout));
	}

	@Override
	public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
		return call((physical) -> physical.setShardingKeyIfValid(shardingKey, superShardingKey, timeout));
	}

	@Override
	public void setTransactionIsolation(int level) throws SQLException {
		this.settingsChanged = true;
		run((physical) -> physical.setTransactionIsolation(level));
	}

	@Override
	public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
		run((physical) -> physical.setTypeMap(map));
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return call((physical) -> physical.unwrap(type));
	}

	@Override
	public String toString() {
		return "Reused " + this.physical;
	}

	private Connection open() throws SQLException {
		if (this.returned) {
			throw new SQLException("The connection is closed", "08003");
		}
		return this.physical;
	}

	private Connection openForClientInfo() throws SQLClientInfoException {
		if (this.returned) {
			throw new SQLClientInfoException("The connection is closed", "08003", null);
		}
		return this.physical;
	}

	private <T> T call(Call<T> call) throws SQLException {
		Connection physical = open();
		try {
			return call.on(physical);
		}
		catch (SQLException ex) {
			this.broken = true;
			throw ex;
		}
	}

	private void run(Action action) throws SQLException {
		Connection physical = open();
		try {
			action.on(physical);
		}
		catch (SQLException ex) {
			this.broken = true;
			throw ex;
		}
	}

	/** A call on the physical connection that returns something. */
	@FunctionalInterface
	private interface Call<T> {

		T on(Connection physical) throws SQLException;

	}

	/** A call on the physical connection that returns nothing. */
	@FunctionalInterface
	private interface Action {

		void on(Connection physical) throws SQLException;

	}

}
