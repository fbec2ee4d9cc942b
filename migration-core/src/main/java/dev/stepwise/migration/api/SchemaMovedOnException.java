package dev.stepwise.migration.api;

/**
 * An instance refused at registration because a contract has already dropped a column
 * that its code, older than the expand, still uses.
 */
public final class SchemaMovedOnException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public SchemaMovedOnException(String message) {
		super(message);
	}

}
