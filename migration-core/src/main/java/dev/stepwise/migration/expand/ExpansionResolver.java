package dev.stepwise.migration.expand;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import dev.stepwise.migration.api.ChangeOperation;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.internal.dialect.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link ColumnChange} into the record that expand stores: names in the
 * catalogue's spelling, the old column's type, NOT NULL and default, both conversions
 * spelled out (a plain copy is the quoted source column), and the old column's indexes
 * that the new column gets a copy of. What cannot be carried over is named in a warning.
 */
final class ExpansionResolver {

	private static final Logger logger = LoggerFactory.getLogger(ExpansionResolver.class);

	private ExpansionResolver() {
	}

	static ExpansionRecord resolve(Connection connection, DatabaseType type, ColumnChange change, MigrationVersion version)
			throws SQLException {
		ColumnCatalog catalog = ColumnDdl.of(type).catalog(connection);
		String table = catalog.table(change.table());
		String oldColumn = catalog.findColumn(table, change.column());
		if (oldColumn == null) {
			throw new IllegalStateException("Cannot expand " + change + ": table " + table + " has no column '"
					+ change.column() + "'; its columns are " + catalog.columns(table));
		}
		String existing = catalog.findColumn(table, change.newColumn());
		if (existing != null) {
			throw new IllegalStateException("Cannot expand " + change + ": table " + table + " already has a column '"
					+ existing + "'; choose another new column name");
		}
		ColumnCatalog.ColumnDefinition old = catalog.definition(table, oldColumn);
		String newColumn = SqlNames.storedSpelling(connection.getMetaData(), change.newColumn());
		String newType = (change.newType() != null) ? change.newType() : old.type();
		String source = type.quote(oldColumn);
		String copy = (change.valueForNulls() != null) ? "COALESCE(" + source + ", " + change.valueForNulls() + ")" : source;
		String toNew = (change.toNewExpression() != null) ? change.toNewExpression() : copy;
		String toOld = (change.toOldExpression() != null) ? change.toOldExpression() : type.quote(newColumn);
		String oldDefault = null;
		if (old.special() != null) {
			logger.warn("Expanding {}: {}.{} is {}; {} will not be, and has no default", change, table, oldColumn,
					old.special(), newColumn);
		}
		else {
			oldDefault = old.defaultValue();
		}
		String newDefault = oldDefault;
		if (oldDefault != null && change.operation() == ChangeOperation.CHANGE_COLUMN_TYPE) {
			logger.warn("Expanding {}: the default of {}.{} ({}) will not be carried over to {}, whose type differs;"
					+ " give {} a default of its own after the contract", change, table, oldColumn, oldDefault, newColumn,
					newColumn);
			newDefault = null;
		}
		List<CarriedIndex> indexes = carriedIndexes(connection, type, change, table, oldColumn, newColumn);
		return new ExpansionRecord(change.id(), change.operation(), table, oldColumn, newColumn, old.type(), newType, toNew,
				toOld, old.notNull(), version.toString(), ExpansionState.EXPANDED, SyncTriggers.baseName(table, newColumn),
				false, oldDefault, newDefault, indexes);
	}

	/**
	 * The old column's indexes that a column list recreates, each with a name for its copy;
	 * the others are named in a warning and left out.
	 */
	private static List<CarriedIndex> carriedIndexes(Connection connection, DatabaseType type, ColumnChange change,
			String table, String oldColumn, String newColumn) throws SQLException {
		IndexCatalog catalog = IndexDdl.of(type).catalog(connection);
		List<IndexCatalog.FoundIndex> found = catalog.involving(table, oldColumn);
		if (found.isEmpty()) {
			return List.of();
		}
		Set<String> taken = catalog.takenNames(table);
		List<CarriedIndex> carried = new ArrayList<>();
		for (IndexCatalog.FoundIndex index : found) {
			if (index.problem() != null) {
				logger.warn("Expanding {}: index {} of {} will not be carried over to {}, because {}; the contract drops it"
						+ " with {}, so recreate it yourself if you need it", change, index.name(), table, newColumn,
						index.problem(), oldColumn);
				continue;
			}
			String newName = newIndexName(type, index.name(), oldColumn, newColumn, taken);
			taken.add(Dialect.of(type).indexNameKey(newName));
			carried.add(new CarriedIndex(index.name(), newName, index.kind(), index.columns().stream()
				.map(Objects::requireNonNull)
				.toList()));
		}
		return carried;
	}

	/**
	 * The name of an index's copy: the old column's name in the index's name replaced by
	 * the new column's ({@code accounts_email_key} becomes {@code accounts_email_address_key}),
	 * else the new column's name appended; shortened with a checksum when too long for the
	 * database or taken.
	 */
	static String newIndexName(DatabaseType type, String name, String oldColumn, String newColumn, Set<String> taken) {
		Matcher token = Pattern.compile("(^|_)" + Pattern.quote(oldColumn) + "(_|$)", Pattern.CASE_INSENSITIVE)
			.matcher(name);
		String derived = token.find()
				? name.substring(0, token.end(1)) + newColumn + name.substring(token.start(2)) : name + "_" + newColumn;
		Dialect dialect = Dialect.of(type);
		int limit = dialect.maxIdentifierLength();
		for (int attempt = 0;; attempt++) {
			String candidate = (attempt == 0) ? derived : derived + "_" + attempt;
			if (candidate.getBytes(StandardCharsets.UTF_8).length > limit || attempt > 0) {
				CRC32 crc = new CRC32();
				crc.update(candidate.getBytes(StandardCharsets.UTF_8));
				String suffix = "_" + Long.toHexString(crc.getValue());
				candidate = truncate(derived, limit - suffix.length()) + suffix;
			}
			if (!taken.contains(dialect.indexNameKey(candidate)) && !candidate.equalsIgnoreCase(name)) {
				return candidate;
			}
		}
	}

	private static String truncate(String name, int maxBytes) {
		StringBuilder prefix = new StringBuilder();
		for (int offset = 0; offset < name.length();) {
			String next = new String(Character.toChars(name.codePointAt(offset)));
			if ((prefix + next).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
				break;
			}
			prefix.append(next);
			offset += next.length();
		}
		return prefix.toString();
	}

}
