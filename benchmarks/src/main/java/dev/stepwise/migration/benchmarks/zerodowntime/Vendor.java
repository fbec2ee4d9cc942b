package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What differs between the two servers the benchmark runs on: how to reach them, and the
 * SQL of the table, the floor, the consistency check and the trigger switch.
 */
enum Vendor {

	POSTGRESQL("STEPWISE_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres") {

		@Override
		String[] fill(String table, long rows) {
			return new String[] {
					"CREATE TABLE " + table + " (id bigint NOT NULL, name text, email text, updated_at timestamptz)",
					"INSERT INTO " + table + " SELECT g, 'name-' || g, 'user' || g || '@example.com', now()"
							+ " FROM generate_series(1, " + rows + ") g",
					"ALTER TABLE " + table + " ADD PRIMARY KEY (id)", "VACUUM ANALYZE " + table };
		}

		@Override
		String textType() {
			return "text";
		}

		@Override
		void settle(Connection connection, String table) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("VACUUM ANALYZE " + table);
				statement.execute("CHECKPOINT");
			}
		}

		@Override
		String differs(String a, String b) {
			return a + " IS DISTINCT FROM " + b;
		}

		@Override
		String dropDatabase(String name) {
			return "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
		}

	},

	MARIADB("STEPWISE_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root") {

		@Override
		String[] fill(String table, long rows) {
			// seq_1_to_N: MariaDB's Sequence engine, a table of the numbers 1 to N.
			return new String[] {
					"CREATE TABLE " + table + " (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100), email VARCHAR(100),"
							+ " updated_at TIMESTAMP(6) NULL) ENGINE=InnoDB",
					"INSERT INTO " + table + " SELECT seq, CONCAT('name-', seq), CONCAT('user', seq, '@example.com'),"
							+ " NOW(6) FROM seq_1_to_" + rows,
					"ANALYZE TABLE " + table };
		}

		@Override
		String textType() {
			return "VARCHAR(100)";
		}

		@Override
		void settle(Connection connection, String table) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("ANALYZE TABLE " + table);
			}
			InnoDbCheckpoint.run(connection);
		}

		@Override
		String differs(String a, String b) {
			return "NOT (" + a + " <=> " + b + ")";
		}

		@Override
		String dropDatabase(String name) {
			return "DROP DATABASE IF EXISTS " + name;
		}

	};

	private final String urlVariable;

	private final String defaultUrl;

	Vendor(String urlVariable, String defaultUrl) {
		this.urlVariable = urlVariable;
		this.defaultUrl = defaultUrl;
	}

	static Vendor of(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "postgresql", "postgres" -> POSTGRESQL;
			case "mariadb", "mysql" -> MARIADB;
			default -> throw new IllegalArgumentException("database must be postgresql or mariadb, not '" + name + "'");
		};
	}

	String urlVariable() {
		return this.urlVariable;
	}

	String defaultUrl() {
		return this.defaultUrl;
	}

	/** A table like an application's, filled in one statement and keyed. */
	abstract String[] fill(String table, long rows);

	/** The type of the floor's new column, the same as the expand gives it. */
	abstract String textType();

	/**
	 * What runs before a timed phase, so that it does not start behind the previous one's
	 * debris: fresh statistics, and a checkpoint that leaves the log with nothing to flush.
	 */
	abstract void settle(Connection connection, String table) throws SQLException;

	/** An SQL condition: the two values differ, NULLs included. */
	abstract String differs(String a, String b);

	abstract String dropDatabase(String name);

}
