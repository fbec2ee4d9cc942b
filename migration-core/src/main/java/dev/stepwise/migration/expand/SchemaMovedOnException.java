package dev.stepwise.migration.expand;

/**
 * An instance refused at registration because a contract has already dropped a column
 * that its code, older than the expand, still uses.
 */
public final class SchemaMovedOnException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	SchemaMovedOnException(String message) {
		super(message);
	}

}
