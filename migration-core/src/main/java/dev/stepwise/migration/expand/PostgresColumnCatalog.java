package dev.stepwise.migration.expand;

import java.sql.Connection;

import dev.stepwise.migration.internal.dialect.Dialect;

/** PostgreSQL's column definitions, from {@code pg_attribute}. */
final class PostgresColumnCatalog extends ColumnCatalog {

	PostgresColumnCatalog(Connection connection, Dialect dialect) {
		super(connection, dialect);
	}

	@Override
	String definitionSql() {
		return "SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
				+ " CASE WHEN a.attidentity <> '' THEN 'an identity column' WHEN a.attgenerated <> ''"
				+ " THEN 'a generated column' END FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid"
				+ " AND d.adnum = a.attnum WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ? AND NOT a.attisdropped";
	}

	/** A {@code regclass} reads the name as SQL would: quoted, so that its case is kept. */
	@Override
	String definitionTable(String table) {
		return this.dialect.quote(table);
	}

}
