package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.internal.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * H2's indexes and unique constraints, from {@code information_schema}: every index and
 * constraint of the schema takes a name.
 */
final class H2IndexCatalog extends IndexCatalog {

	// Indexes that a constraint owns are read as the constraint (or, for a foreign key, not at all).
	private static final String H2_INDEXES = "SELECT i.index_name, i.index_type_name, c.column_name,"
			+ " c.ordering_specification FROM information_schema.indexes i JOIN information_schema.index_columns c"
			+ " ON c.index_schema = i.index_schema AND c.index_name = i.index_name"
			+ " WHERE i.table_schema = CURRENT_SCHEMA AND i.table_name = ?"
			+ " AND i.index_name IN (SELECT index_name FROM information_schema.index_columns WHERE table_schema = CURRENT_SCHEMA"
			+ " AND table_name = ? AND column_name = ?) AND i.index_name NOT IN (SELECT index_name"
			+ " FROM information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA AND index_name IS NOT NULL)"
			+ " ORDER BY i.index_name, c.ordinal_position";

	private static final String H2_CONSTRAINTS = "SELECT t.constraint_name, t.constraint_type, k.column_name"
			+ " FROM information_schema.table_constraints t JOIN information_schema.key_column_usage k"
			+ " ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name"
			+ " WHERE t.table_schema = CURRENT_SCHEMA AND t.table_name = ? AND t.constraint_type IN ('UNIQUE', 'PRIMARY KEY')"
			+ " AND t.constraint_name IN (SELECT constraint_name FROM information_schema.key_column_usage"
			+ " WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND column_name = ?)"
			+ " ORDER BY t.constraint_name, k.ordinal_position";

	H2IndexCatalog(Connection connection, Dialect dialect) {
		super(connection, dialect);
	}

	@Override
	String takenNamesSql() {
		return "SELECT index_name FROM information_schema.indexes WHERE table_schema = CURRENT_SCHEMA"
				+ " UNION SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA";
	}

	/** The index that a constraint uses, or {@code null} if there is no such constraint. */
	@Nullable String constraintIndex(String constraint) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT index_name"
				+ " FROM information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA AND constraint_name = ?")) {
			statement.setString(1, constraint);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	@Override
	List<FoundIndex> involving(String table, String column) throws SQLException {
		Map<String, Builder> indexes = new LinkedHashMap<>();
		try (ResultSet rows = query(H2_CONSTRAINTS, table, column)) {
			while (rows.next()) {
				Builder index = indexes.computeIfAbsent(rows.getString(1), Builder::new);
				index.kind = CarriedIndex.Kind.UNIQUE_CONSTRAINT;
				index.columns.add(rows.getString(3));
				if ("PRIMARY KEY".equals(rows.getString(2))) {
					index.problem = PRIMARY_KEY;
				}
			}
		}
		try (ResultSet rows = query(H2_INDEXES, table, column)) {
			while (rows.next()) {
				Builder index = indexes.computeIfAbsent(rows.getString(1), Builder::new);
				index.kind = "UNIQUE INDEX".equals(rows.getString(2)) ? CarriedIndex.Kind.UNIQUE_INDEX : CarriedIndex.Kind.INDEX;
				index.columns.add(rows.getString(3));
				if (!"INDEX".equals(rows.getString(2)) && !"UNIQUE INDEX".equals(rows.getString(2))) {
					index.problem = "it is a " + rows.getString(2);
				}
				else if ("DESC".equals(rows.getString(4))) {
					index.problem = "it orders a column DESC";
				}
			}
		}
		return indexes.values().stream().map(Builder::build).toList();
	}

}
