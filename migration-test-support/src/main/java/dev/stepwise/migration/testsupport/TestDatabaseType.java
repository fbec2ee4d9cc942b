package dev.stepwise.migration.testsupport;

/**
 * The servers a {@link TestDatabase} can be created on. The support module is used by the
 * core's own tests, so it cannot use the core's {@code DatabaseType} (that would make a build
 * cycle); the constant names are the same, so a core test maps one to the other with
 * {@code DatabaseType.valueOf(type.name())}.
 */
public enum TestDatabaseType {

	/** A PostgreSQL server: {@code STEPWISE_TEST_POSTGRES_URL} or a Testcontainers one. */
	POSTGRESQL,

	/** A MariaDB server: {@code STEPWISE_TEST_MARIADB_URL} or a Testcontainers one. */
	MARIADB,

	/** An in-memory H2 database, which needs no server. */
	H2

}
