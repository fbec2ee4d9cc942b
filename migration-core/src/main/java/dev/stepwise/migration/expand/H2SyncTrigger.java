package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * The sync trigger of an expanded column change on H2, following the rule described on
 * {@code SyncTriggers}. H2 creates it by class name; it reads its columns and conversions
 * from {@code stepwise_expansions} (in the trigger's schema) by the trigger's name.
 * <p>
 * This is the only class of the core that needs H2, which is therefore an optional
 * dependency: it is loaded only by H2 itself.
 */
public final class H2SyncTrigger implements Trigger {

	private int oldIndex;

	private int newIndex;

	private Conversion toNew = Conversion.COPY;

	private Conversion toOld = Conversion.COPY;

	@Override
	public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
			int type) throws SQLException {
		ExpansionRecord expansion = null;
		// The expansions table lives in stepwise.schema, which need not be the table's: look there too.
		for (String schema : expansionSchemas(connection, schemaName)) {
			expansion = find(connection, schema, triggerName);
			if (expansion != null) {
				break;
			}
		}
		if (expansion == null) {
			throw new SQLException("Stepwise sync trigger " + triggerName + " has no row in " + ExpansionStore.TABLE
					+ ": drop it with DROP TRIGGER " + triggerName);
		}
		List<String> columns = columns(connection, schemaName, tableName);
		this.oldIndex = columns.indexOf(expansion.oldColumn());
		this.newIndex = columns.indexOf(expansion.newColumn());
		this.toNew = Conversion.of(expansion.toNew(), expansion.oldColumn(), expansion.oldType());
		this.toOld = Conversion.of(expansion.toOld(), expansion.newColumn(), expansion.newType());
		if (this.oldIndex < 0 || this.newIndex < 0) {
			throw new SQLException("Stepwise sync trigger " + triggerName + " cannot find its columns in " + tableName);
		}
	}

	/** The schemas that hold an expansions table, the trigger's own first. */
	private static List<String> expansionSchemas(Connection connection, String own) throws SQLException {
		List<String> schemas = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES"
				+ " WHERE TABLE_NAME = ? ORDER BY CASE WHEN TABLE_SCHEMA = ? THEN 0 ELSE 1 END, TABLE_SCHEMA")) {
			statement.setString(1, ExpansionStore.TABLE.toUpperCase(Locale.ROOT));
			statement.setString(2, own);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					schemas.add(rows.getString(1));
				}
			}
		}
		return schemas;
	}

	private static @Nullable ExpansionRecord find(Connection connection, String schemaName, String triggerName)
			throws SQLException {
		String schema = "\"" + schemaName.replace("\"", "\"\"") + "\".";
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT " + ExpansionStore.COLUMNS + " FROM " + schema + ExpansionStore.TABLE + " WHERE trigger_name = ?")) {
			statement.setString(1, triggerName);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? ExpansionStore.read(rows) : null;
			}
		}
	}

	@Override
	public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow) throws SQLException {
		if (newRow == null) {
			return;
		}
		if (oldRow == null) {
			if (newRow[this.newIndex] == null) {
				newRow[this.newIndex] = this.toNew.apply(connection, newRow[this.oldIndex]);
			}
			else {
				newRow[this.oldIndex] = this.toOld.apply(connection, newRow[this.newIndex]);
			}
			return;
		}
		boolean newChanged = !Objects.deepEquals(newRow[this.newIndex], oldRow[this.newIndex]);
		boolean oldChanged = !Objects.deepEquals(newRow[this.oldIndex], oldRow[this.oldIndex]);
		if ((newChanged || oldChanged) && !backfilling(connection)) {
			if (newChanged) {
				newRow[this.oldIndex] = this.toOld.apply(connection, newRow[this.newIndex]);
			}
			else {
				newRow[this.newIndex] = this.toNew.apply(connection, newRow[this.oldIndex]);
			}
		}
	}

	private static boolean backfilling(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT @STEPWISE_BACKFILL")) {
			return rows.next() && rows.getObject(1) != null;
		}
	}

	private static List<String> columns(Connection connection, String schema, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
				+ " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
			statement.setString(1, schema);
			statement.setString(2, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
		}
		return columns;
	}

	/**
	 * One direction of the sync: a plain copy, or the expression evaluated by H2 with the
	 * source value bound where the expression names the source column.
	 */
	private record Conversion(@Nullable String query, int parameters) {

		static final Conversion COPY = new Conversion(null, 0);

		static Conversion of(String expression, String sourceColumn, String sourceType) {
			if (ColumnReferences.isColumnAlone(expression, sourceColumn)) {
				return COPY;
			}
			String marker = "\u0000";
			String marked = ColumnReferences.replace(expression, sourceColumn, marker);
			int parameters = marked.length() - marked.replace(marker, "").length();
			return new Conversion("SELECT " + marked.replace(marker, "CAST(? AS " + sourceType + ")"), parameters);
		}

		@Nullable Object apply(Connection connection, @Nullable Object value) throws SQLException {
			if (this.query == null) {
				return value;
			}
			try (PreparedStatement statement = connection.prepareStatement(this.query)) {
				for (int i = 1; i <= this.parameters; i++) {
					statement.setObject(i, value);
				}
				try (ResultSet rows = statement.executeQuery()) {
					rows.next();
					return rows.getObject(1);
				}
			}
		}

	}

}
