package dev.stepwise.migration.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import dev.stepwise.migration.api.SchemaStatement;
import dev.stepwise.migration.api.StatementExecutor;
import org.jspecify.annotations.Nullable;

/**
 * A MySQL or MariaDB {@code MODIFY COLUMN}, which has no {@code SET NOT NULL} or
 * {@code SET DATA TYPE}: the whole column definition must be restated, so the current one is
 * read from {@code information_schema} when the step runs (an earlier step of the same
 * migration may have created the column) and only the nullability or the type is changed.
 * Kept: type, character set and collation (unless the type changes), nullability, default,
 * {@code AUTO_INCREMENT}, {@code ON UPDATE}, comment, and MariaDB's column-level check (the
 * {@code JSON_VALID} of a JSON column) unless the type changes.
 */
final class MySqlModifyColumnStep implements Step {

	private static final String COLUMN = "SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
			+ " CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS"
			+ " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?";

	private static final String COLUMN_CHECK = "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
			+ " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = ? AND LEVEL = 'Column'";

	private final Identifiers identifiers;

	private final String table;

	private final String column;

	private final @Nullable String newType;

	private final @Nullable Boolean nullable;

	private MySqlModifyColumnStep(Identifiers identifiers, String table, String column, @Nullable String newType,
			@Nullable Boolean nullable) {
		this.identifiers = identifiers;
		this.table = table;
		this.column = column;
		this.newType = newType;
		this.nullable = nullable;
	}

	static MySqlModifyColumnStep nullability(Identifiers identifiers, String table, String column, boolean nullable) {
		return new MySqlModifyColumnStep(identifiers, table, column, null, nullable);
	}

	/** @param newType the new type, in MySQL's SQL */
	static MySqlModifyColumnStep type(Identifiers identifiers, String table, String column, String newType) {
		return new MySqlModifyColumnStep(identifiers, table, column, newType, null);
	}

	@Override
	public SchemaStatement statement() {
		String prefix = modifyColumn();
		if (this.newType != null) {
			return new SchemaStatement(prefix + this.newType
					+ " /* current nullability, default and comment */", true);
		}
		return new SchemaStatement(prefix + "/* current definition */ "
				+ (Boolean.TRUE.equals(this.nullable) ? "NULL" : "NOT NULL"), true);
	}

	@Override
	public void execute(Connection connection, StatementExecutor executor) throws SQLException {
		executor.execute(connection, new SchemaStatement(modifySql(connection), true));
	}

	private String modifySql(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(COLUMN)) {
			query.setString(1, this.identifiers.stored(this.table));
			query.setString(2, this.identifiers.stored(this.column));
			try (ResultSet current = query.executeQuery()) {
				if (!current.next()) {
					throw new SQLException("Column " + this.table + "." + this.column + " does not exist in "
							+ connection.getCatalog() + ": check the table and column names");
				}
				return modifySql(connection, current);
			}
		}
	}

	private String modifySql(Connection connection, ResultSet current) throws SQLException {
		String extra = current.getString("EXTRA").toLowerCase(Locale.ROOT);
		if (extra.contains("generated") && !extra.contains("default_generated")) {
			throw new SQLException("Column " + this.table + "." + this.column + " is a generated column: change it"
					+ " with plain SQL (ALTER TABLE ... MODIFY COLUMN ... AS (...))");
		}
		StringBuilder sql = new StringBuilder(modifyColumn());
		if (this.newType != null) {
			sql.append(this.newType);
		}
		else {
			sql.append(current.getString("COLUMN_TYPE"));
			String characterSet = current.getString("CHARACTER_SET_NAME");
			String collation = current.getString("COLLATION_NAME");
			if (characterSet != null && collation != null) {
				sql.append(" CHARACTER SET ").append(characterSet).append(" COLLATE ").append(collation);
			}
		}
		boolean isNullable = (this.nullable != null) ? this.nullable : "YES".equals(current.getString("IS_NULLABLE"));
		sql.append(isNullable ? " NULL" : " NOT NULL");
		String defaultClause = defaultClause(current.getString("COLUMN_DEFAULT"), extra);
		// A nullable column's implicit DEFAULT NULL cannot survive NOT NULL.
		if (defaultClause != null && !(defaultClause.equalsIgnoreCase("NULL") && !isNullable)) {
			sql.append(" DEFAULT ").append(defaultClause);
		}
		if (extra.contains("auto_increment")) {
			sql.append(" AUTO_INCREMENT");
		}
		int onUpdate = extra.indexOf("on update ");
		if (onUpdate >= 0) {
			sql.append(" ON UPDATE ").append(current.getString("EXTRA").substring(onUpdate + "on update ".length()));
		}
		String comment = current.getString("COLUMN_COMMENT");
		if (comment != null && !comment.isEmpty()) {
			sql.append(" COMMENT ").append(literal(comment));
		}
		if (this.newType == null && this.identifiers.dialect().hasColumnLevelChecks()) {
			String check = columnCheck(connection);
			if (check != null) {
				sql.append(" CHECK (").append(check).append(')');
			}
		}
		return sql.toString();
	}

	/**
	 * The default as SQL, as the dialect reads the catalogue's report of it (SQL null: none;
	 * on MariaDB the word {@code NULL} for an explicit null default).
	 */
	private @Nullable String defaultClause(@Nullable String columnDefault, String extra) {
		return (columnDefault != null) ? this.identifiers.dialect().reportedDefaultAsSql(columnDefault, extra) : null;
	}

	private String modifyColumn() {
		return "ALTER TABLE " + this.identifiers.quote(this.table) + " MODIFY COLUMN "
				+ this.identifiers.quote(this.column) + " ";
	}

	/** A string literal as MySQL reads it, where a backslash escapes too. */
	private static String literal(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	private @Nullable String columnCheck(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(COLUMN_CHECK)) {
			query.setString(1, this.identifiers.stored(this.table));
			query.setString(2, this.identifiers.stored(this.column));
			try (ResultSet result = query.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

}
