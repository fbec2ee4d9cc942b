package dev.stepwise.migration.api;

import java.util.Locale;

/**
 * The databases Stepwise supports, with the token that {@code {vendor}} in a location
 * resolves to.
 */
public enum DatabaseType {

	POSTGRESQL("postgresql"),

	MYSQL("mysql"),

	MARIADB("mariadb"),

	H2("h2");

	private final String vendor;

	DatabaseType(String vendor) {
		this.vendor = vendor;
	}

	/** The value of the {@code {vendor}} token in a location. */
	public String vendor() {
		return this.vendor;
	}

	/** Whether the MySQL grammar applies (MySQL and MariaDB). */
	public boolean isMySqlFamily() {
		return this == MYSQL || this == MARIADB;
	}

	/**
	 * Quotes an identifier as written, doubling any quote character in it, so that no name
	 * can inject SQL: backticks on MySQL and MariaDB, double quotes elsewhere.
	 * @param identifier the name
	 * @return the quoted name
	 */
	public String quote(String identifier) {
		String quote = isMySqlFamily() ? "`" : "\"";
		return quote + identifier.replace(quote, quote + quote) + quote;
	}

	/**
	 * Detects the type from {@code DatabaseMetaData.getDatabaseProductName()} (and the
	 * version string, since MariaDB sometimes reports itself as MySQL).
	 * @param productName the product name
	 * @param productVersion the product version
	 * @return the type
	 * @throws IllegalStateException for an unsupported database
	 */
	public static DatabaseType fromProduct(String productName, String productVersion) {
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.contains("mariadb") || productVersion.toLowerCase(Locale.ROOT).contains("mariadb")) {
			return MARIADB;
		}
		if (name.contains("mysql")) {
			return MYSQL;
		}
		if (name.equals("h2")) {
			return H2;
		}
		throw new IllegalStateException("Unsupported database '" + productName
				+ "': Stepwise supports PostgreSQL, MySQL, MariaDB and H2");
	}

}
