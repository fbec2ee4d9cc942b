package dev.stepwise.migration.catalog;

import java.util.List;

/**
 * A change written as the calls of a Java {@code SchemaMigration} on the schema DSL
 * ({@code generate --java}), whose undo the engine works out.
 * @param calls the statements of its {@code change(Schema schema)} method, without semicolons
 * @param unsupported what the DSL cannot say (a sequence, say): nothing is written while any
 */
public record GeneratedSchemaMigration(List<String> calls, List<String> unsupported) {

	public GeneratedSchemaMigration {
		calls = List.copyOf(calls);
		unsupported = List.copyOf(unsupported);
	}

	/** Whether there is nothing to write. */
	public boolean isEmpty() {
		return this.calls.isEmpty() && this.unsupported.isEmpty();
	}

}
