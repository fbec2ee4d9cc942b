package dev.stepwise.migration.internal.dialect;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;

import dev.stepwise.migration.api.DatabaseType;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads instants in the state tables as UTC, whatever the JVM's default zone:
 * a timestamp read back in another zone than it was written in would age by the offset
 * between them (a backfill written from a UTC JVM read 540 minutes old under Asia/Tokyo).
 * Zoned columns (PostgreSQL, H2) keep the instant; MySQL/MariaDB {@code DATETIME} keeps
 * its UTC wall-clock time.
 */
public final class Instants {

	private Instants() {
	}

	/** Binds an instant: with its offset into a zoned column, as UTC wall-clock time into MySQL's. */
	public static void set(DatabaseType type, PreparedStatement statement, int index, @Nullable Instant instant)
			throws SQLException {
		if (instant == null) {
			statement.setNull(index, Types.TIMESTAMP);
		}
		else if (type.isMySqlFamily()) {
			// A fresh calendar each time: drivers may change the one they are given.
			statement.setTimestamp(index, Timestamp.from(instant), utc());
		}
		else {
			// Not setTimestamp with a calendar: H2 would read that wall-clock time in the session's zone.
			statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
		}
	}

	/** Reads an instant written by {@link #set} or {@link #now}, or {@code null}. */
	public static @Nullable Instant get(DatabaseType type, ResultSet rows, int index) throws SQLException {
		if (type.isMySqlFamily()) {
			Timestamp timestamp = rows.getTimestamp(index, utc());
			return (timestamp != null) ? timestamp.toInstant() : null;
		}
		OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** Reads an instant written by {@link #set} or {@link #now}, or {@code null}. */
	public static @Nullable Instant get(DatabaseType type, ResultSet rows, String column) throws SQLException {
		return get(type, rows, rows.findColumn(column));
	}

	/**
	 * An SQL expression of a column written by {@link #set} or {@link #now}: its
	 * microseconds since the epoch, as a number that {@link #getEpochMicros} reads. For
	 * reading many rows in a fresh JVM, as the history is at every start: a number is
	 * parsed far more cheaply than a timestamp (about 30 ms less for 1,000 rows on
	 * PostgreSQL's driver, on the start-up path of every application).
	 */
	public static String epochMicros(DatabaseType type, String column) {
		// MySQL/MariaDB's DATETIME holds UTC wall-clock time: its distance from the epoch's is the instant.
		return type.isMySqlFamily() ? "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', " + column + ")"
				: "CAST(EXTRACT(EPOCH FROM " + column + ") * 1000000 AS BIGINT)";
	}

	/** Reads the instant that {@link #epochMicros} selects, or {@code null}. */
	public static @Nullable Instant getEpochMicros(ResultSet rows, int index) throws SQLException {
		long micros = rows.getLong(index);
		return rows.wasNull() ? null
				: Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
	}

	/**
	 * The database's clock as an SQL expression whose value {@link #get} reads as the right
	 * instant: UTC on MySQL/MariaDB, whose {@code CURRENT_TIMESTAMP} follows the session's
	 * zone into a column that keeps no zone.
	 */
	public static String now(DatabaseType type) {
		return type.isMySqlFamily() ? "UTC_TIMESTAMP(3)" : "CURRENT_TIMESTAMP";
	}

	/**
	 * An SQL expression that reads a {@code TIMESTAMP} column written by the database's own
	 * clock in another tool's table (Flyway's {@code installed_on}) as an instant that
	 * {@link #getWallClock} takes: the wall-clock time is the session's, so it is placed in
	 * the database session's zone, not the JVM's (the two differ when the session's zone is
	 * set on the server, a role or by an init SQL). PostgreSQL and H2 cast it to a zoned
	 * value; MySQL/MariaDB keep a {@code TIMESTAMP} as UTC, which {@code UNIX_TIMESTAMP}
	 * gives exactly.
	 */
	public static String wallClock(DatabaseType type, String column) {
		return type.isMySqlFamily() ? "UNIX_TIMESTAMP(" + column + ")"
				: "CAST(" + column + " AS TIMESTAMP WITH TIME ZONE)";
	}

	/** Reads the instant that {@link #wallClock} selects. */
	public static Instant getWallClock(DatabaseType type, ResultSet rows, String column) throws SQLException {
		if (type.isMySqlFamily()) {
			BigDecimal seconds = rows.getBigDecimal(column);
			return Instant.ofEpochSecond(seconds.longValue(),
					seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
		}
		return rows.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static Calendar utc() {
		return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
	}

}
