package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * H2's column definitions, from {@code information_schema.columns}, whose data type lacks
 * the length, precision and scale that DDL needs.
 */
final class H2ColumnCatalog extends ColumnCatalog {

	H2ColumnCatalog(Connection connection, Dialect dialect) {
		super(connection, dialect);
	}

	@Override
	String definitionSql() {
		return "SELECT data_type, is_nullable = 'NO', column_default, CASE WHEN is_identity = 'YES'"
				+ " THEN 'an identity column' WHEN is_generated = 'ALWAYS' THEN 'a generated column' END,"
				+ " character_maximum_length, numeric_precision, numeric_scale"
				+ " FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND column_name = ?";
	}

	@Override
	String typeName(ResultSet rows) throws SQLException {
		String dataType = super.typeName(rows);
		long length = rows.getLong(5);
		if (!rows.wasNull() && (dataType.contains("CHAR") || dataType.contains("BINARY"))) {
			return dataType + "(" + length + ")";
		}
		if (dataType.equals("NUMERIC") || dataType.equals("DECIMAL")) {
			return dataType + "(" + rows.getInt(6) + ", " + rows.getInt(7) + ")";
		}
		return dataType;
	}

}
