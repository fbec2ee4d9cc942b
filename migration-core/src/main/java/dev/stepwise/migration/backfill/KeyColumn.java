package dev.stepwise.migration.backfill;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * One column of the key a backfill walks, with how its values are kept in the stored
 * cursor (as text) and bound again on resume.
 *
 * @param name the column name as the catalogue spells it
 * @param kind how values of the column are read and bound
 */
record KeyColumn(String name, Kind kind) {

	/**
	 * Picks the kind for a column from its JDBC type.
	 * @param table the table, for the message
	 * @param name the column
	 * @param jdbcType the {@link Types} constant
	 * @param typeName the database's type name
	 * @return the key column
	 * @throws IllegalStateException for a type that cannot be a cursor
	 */
	static KeyColumn of(String table, String name, int jdbcType, String typeName) {
		Kind kind = switch (jdbcType) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
			case Types.NUMERIC, Types.DECIMAL -> Kind.DECIMAL;
			case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGVARCHAR -> Kind.TEXT;
			case Types.DATE -> Kind.DATE;
			case Types.TIMESTAMP -> Kind.TIMESTAMP;
			default -> typeName.toLowerCase(Locale.ROOT).equals("uuid") ? Kind.UUID : null;
		};
		if (kind == null) {
			throw new IllegalStateException("Backfill of table '" + table + "' cannot walk key column '" + name
					+ "' of type " + typeName + ": a key column must be a number, text, date, timestamp or UUID;"
					+ " add a unique key of such columns to the table");
		}
		return new KeyColumn(name, kind);
	}

	String read(ResultSet resultSet, int index) throws SQLException {
		Object value = switch (this.kind) {
			case INTEGER -> resultSet.getLong(index);
			case DECIMAL -> resultSet.getBigDecimal(index);
			case TEXT -> resultSet.getString(index);
			case DATE -> resultSet.getObject(index, LocalDate.class);
			case TIMESTAMP -> resultSet.getObject(index, LocalDateTime.class);
			case UUID -> resultSet.getObject(index, UUID.class);
		};
		return String.valueOf(value);
	}

	void bind(PreparedStatement statement, int index, String value) throws SQLException {
		switch (this.kind) {
			case INTEGER -> statement.setLong(index, Long.parseLong(value));
			case DECIMAL -> statement.setBigDecimal(index, new BigDecimal(value));
			case TEXT -> statement.setString(index, value);
			case DATE -> statement.setObject(index, LocalDate.parse(value));
			case TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(value));
			case UUID -> statement.setObject(index, UUID.fromString(value));
		}
	}

	/** How a key value is read, written as text and bound. */
	enum Kind {

		INTEGER, DECIMAL, TEXT, DATE, TIMESTAMP, UUID

	}

}
