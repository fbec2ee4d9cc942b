package dev.stepwise.migration.internal.execute;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Runs {@code COPY ... FROM stdin} with the data that followed it in the script, through
 * the PostgreSQL driver's copy API: plain JDBC cannot send copy data. This is the only
 * class that needs the driver, and it is loaded only when a script holds such a statement.
 */
final class PostgresCopy {

	private PostgresCopy() {
	}

	/** @return the number of rows copied */
	static long copyIn(Connection connection, String sql, String data) throws SQLException {
		if (!connection.isWrapperFor(PGConnection.class)) {
			throw new SQLException("COPY ... FROM stdin needs the copy API of the PostgreSQL JDBC driver"
					+ " (org.postgresql.PGConnection), and this connection does not offer it. Use the PostgreSQL driver,"
					+ " or write the rows as INSERT statements.");
		}
		try {
			return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data));
		}
		catch (IOException ex) {
			throw new SQLException("Could not send the data of COPY ... FROM stdin: " + ex.getMessage(), ex);
		}
	}

}
