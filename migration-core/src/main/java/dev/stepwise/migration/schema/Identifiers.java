package dev.stepwise.migration.schema;

import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.internal.dialect.Dialect;

/**
 * Names as the database stores them, always quoted so a name can never inject SQL.
 * <p>
 * A name that is a regular SQL identifier ({@code users}, {@code created_at}) means what it
 * means unquoted: it is folded to the case the database stores unquoted names in (lower on
 * PostgreSQL, upper on H2), so {@code "users"} in the DSL and {@code users} in a plain SQL
 * script are the same table. Any other name is taken verbatim.
 */
final class Identifiers {

	private static final Pattern REGULAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final Dialect dialect;

	private final UnaryOperator<String> folding;

	private Identifiers(Dialect dialect, UnaryOperator<String> folding) {
		this.dialect = dialect;
		this.folding = folding;
	}

	static Identifiers of(DatabaseType type, DatabaseMetaData metaData) throws SQLException {
		Dialect dialect = Dialect.of(type);
		if (!dialect.foldsUnquotedNames()) {
			return new Identifiers(dialect, UnaryOperator.identity());
		}
		if (metaData.storesUpperCaseIdentifiers()) {
			return new Identifiers(dialect, (name) -> name.toUpperCase(Locale.ROOT));
		}
		if (metaData.storesLowerCaseIdentifiers()) {
			return new Identifiers(dialect, (name) -> name.toLowerCase(Locale.ROOT));
		}
		return new Identifiers(dialect, UnaryOperator.identity());
	}

	DatabaseType type() {
		return this.dialect.type();
	}

	Dialect dialect() {
		return this.dialect;
	}

	/** The name as the catalogue stores it. */
	String stored(String name) {
		return REGULAR.matcher(name).matches() ? this.folding.apply(name) : name;
	}

	/** The name, quoted, with embedded quote characters doubled. */
	String quote(String name) {
		return this.dialect.quote(stored(name));
	}

	/** The names, quoted and separated by commas. */
	String quote(List<String> names) {
		return names.stream().map(this::quote).collect(Collectors.joining(", "));
	}

	/**
	 * A generated name that fits the database's limit: {@code parts} joined by underscores,
	 * shortened and made unique with a checksum when too long.
	 */
	String generated(String... parts) {
		String name = String.join("_", parts);
		int limit = maxBytes();
		if (name.getBytes(StandardCharsets.UTF_8).length <= limit) {
			return name;
		}
		CRC32 crc = new CRC32();
		crc.update(name.getBytes(StandardCharsets.UTF_8));
		String suffix = "_" + Long.toHexString(crc.getValue());
		StringBuilder prefix = new StringBuilder();
		for (int offset = 0; offset < name.length();) {
			int codePoint = name.codePointAt(offset);
			String next = new String(Character.toChars(codePoint));
			if ((prefix + next + suffix).getBytes(StandardCharsets.UTF_8).length > limit) {
				break;
			}
			prefix.append(next);
			offset += next.length();
		}
		return prefix + suffix;
	}

	/**
	 * Checks a name given to the DSL.
	 * @param what what the name is for, as the message shows it ({@code "table"})
	 * @param name the name
	 * @return the name
	 * @throws IllegalArgumentException if it is empty, holds a NUL character or is longer than
	 * the database allows (PostgreSQL would silently truncate it)
	 */
	String check(String what, String name) {
		if (name.isBlank()) {
			throw new IllegalArgumentException("The " + what + " name is empty");
		}
		if (name.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("The " + what + " name '" + name.replace("\0", "\\0")
					+ "' contains a NUL character");
		}
		if (stored(name).getBytes(StandardCharsets.UTF_8).length > maxBytes()) {
			throw new IllegalArgumentException("The " + what + " name '" + name + "' is longer than "
					+ type().name().toLowerCase(Locale.ROOT) + " allows (" + maxBytes() + " bytes): shorten it");
		}
		return name;
	}

	private int maxBytes() {
		return this.dialect.maxIdentifierLength();
	}

}
