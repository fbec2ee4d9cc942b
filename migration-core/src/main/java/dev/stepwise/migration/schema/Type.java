package dev.stepwise.migration.schema;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A portable column type, written in each dialect's own SQL: {@link #json()} is
 * {@code JSONB} on PostgreSQL and {@code JSON} on MySQL, MariaDB and H2, {@link #uuid()} is
 * {@code UUID} on PostgreSQL and H2 and {@code CHAR(36)} on MySQL and MariaDB, and so on.
 */
public final class Type {

	private final String name;

	private final String postgresql;

	private final String mysql;

	private final String h2;

	private Type(String name, String postgresql, String mysql, String h2) {
		this.name = name;
		this.postgresql = postgresql;
		this.mysql = mysql;
		this.h2 = h2;
	}

	private static Type same(String name, String sql) {
		return new Type(name, sql, sql, sql);
	}

	/** A 64-bit integer: {@code BIGINT}. */
	public static Type bigint() {
		return same("bigint", "BIGINT");
	}

	/** A 32-bit integer: {@code INTEGER}. */
	public static Type integer() {
		return same("integer", "INTEGER");
	}

	/** A 16-bit integer: {@code SMALLINT}. */
	public static Type smallint() {
		return same("smallint", "SMALLINT");
	}

	/** A boolean: {@code BOOLEAN} (MySQL stores it as {@code TINYINT(1)}). */
	public static Type bool() {
		return same("bool", "BOOLEAN");
	}

	/**
	 * Text of at most {@code length} characters: {@code VARCHAR(length)}.
	 * @param length the maximum length, at least 1
	 * @return the type
	 */
	public static Type varchar(int length) {
		if (length < 1) {
			throw new IllegalArgumentException("varchar length must be at least 1, not " + length);
		}
		return same("varchar(" + length + ")", "VARCHAR(" + length + ")");
	}

	/**
	 * Text without a declared length: {@code TEXT} on PostgreSQL and MySQL (at most 64 KB
	 * there), {@code VARCHAR} on H2, which unlike its {@code CLOB} can be indexed and compared.
	 */
	public static Type text() {
		return new Type("text", "TEXT", "TEXT", "VARCHAR");
	}

	/**
	 * An exact decimal number: {@code DECIMAL(precision, scale)}.
	 * @param precision the number of digits, 1 to 65
	 * @param scale the digits after the point, 0 to {@code precision}
	 * @return the type
	 */
	public static Type decimal(int precision, int scale) {
		if (precision < 1 || precision > 65) {
			throw new IllegalArgumentException("decimal precision must be between 1 and 65, not " + precision);
		}
		if (scale < 0 || scale > precision) {
			throw new IllegalArgumentException("decimal scale must be between 0 and the precision (" + precision
					+ "), not " + scale);
		}
		return same("decimal(" + precision + "," + scale + ")", "DECIMAL(" + precision + "," + scale + ")");
	}

	/** A double-precision floating-point number: {@code DOUBLE PRECISION}. */
	public static Type doublePrecision() {
		return same("doublePrecision", "DOUBLE PRECISION");
	}

	/** A calendar date: {@code DATE}. */
	public static Type date() {
		return same("date", "DATE");
	}

	/**
	 * A date and time without a time zone, to the microsecond: {@code TIMESTAMP} on
	 * PostgreSQL and H2, {@code DATETIME(6)} on MySQL (whose {@code TIMESTAMP} converts to
	 * the session's zone and ends in 2038).
	 */
	public static Type timestamp() {
		return new Type("timestamp", "TIMESTAMP", "DATETIME(6)", "TIMESTAMP");
	}

	/**
	 * An instant: {@code TIMESTAMP WITH TIME ZONE} on PostgreSQL and H2, {@code TIMESTAMP(6)}
	 * on MySQL, which stores it in UTC.
	 */
	public static Type timestampTz() {
		return new Type("timestampTz", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP(6)", "TIMESTAMP WITH TIME ZONE");
	}

	/** A UUID: {@code UUID} on PostgreSQL and H2, {@code CHAR(36)} on MySQL. */
	public static Type uuid() {
		return new Type("uuid", "UUID", "CHAR(36)", "UUID");
	}

	/**
	 * A JSON document: {@code JSONB} on PostgreSQL, {@code JSON} on MySQL, MariaDB (a
	 * {@code LONGTEXT} checked with {@code JSON_VALID} there) and H2.
	 */
	public static Type json() {
		return new Type("json", "JSONB", "JSON", "JSON");
	}

	/** Binary data: {@code BYTEA} on PostgreSQL, {@code LONGBLOB} on MySQL, {@code VARBINARY} on H2. */
	public static Type bytes() {
		return new Type("bytes", "BYTEA", "LONGBLOB", "VARBINARY");
	}

	/**
	 * A type written in SQL, the same on every database, for what the portable types do not
	 * cover ({@code Type.sql("CITEXT")}). The text is trusted SQL: never build it from input.
	 * @param sql the type as SQL
	 * @return the type
	 */
	public static Type sql(String sql) {
		if (sql.isBlank()) {
			throw new IllegalArgumentException("Type.sql needs the type's SQL, not an empty string");
		}
		return same("sql(" + sql + ")", sql);
	}

	// Each database's Ddl picks its spelling: the choice of database is made once, there.

	String postgresql() {
		return this.postgresql;
	}

	/** MySQL's spelling, which MariaDB shares. */
	String mysql() {
		return this.mysql;
	}

	String h2() {
		return this.h2;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Type that) && this.name.equals(that.name);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name);
	}

	/** The portable name, such as {@code varchar(255)}. */
	@Override
	public String toString() {
		return this.name;
	}

}
