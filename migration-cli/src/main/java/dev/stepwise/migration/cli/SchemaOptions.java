package dev.stepwise.migration.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.catalog.ColumnRename;
import picocli.CommandLine.Option;

/**
 * The options of {@code generate} and {@code diff}: where the entities are, and what the
 * written SQL may do beyond the safe default.
 */
final class SchemaOptions {

	@Option(names = "--rename", paramLabel = "TABLE.COLUMN=NEW",
			description = "A column that was renamed, not dropped and added: users.name=full_name (repeatable).")
	List<String> renames = new ArrayList<>();

	@Option(names = "--expand",
			description = "Write a --rename (with its type change or NOT NULL) as an expand (a Java SchemaMigration;"
					+ " the contract comes with a later --allow-drop).")
	boolean expand;

	@Option(names = "--in-place",
			description = "Alter a column's type or NOT NULL in place, which the running release may not survive"
					+ " (refused without it or --expand).")
	boolean inPlace;

	@Option(names = "--allow-drop", description = "Drop tables, columns and sequences the entities no longer have.")
	boolean allowDrop;

	@Option(names = "--entity-package", split = ",", paramLabel = "PACKAGE",
			description = "Where the @Entity classes are (default: every class in the --class-path directories).")
	List<String> entityPackages = new ArrayList<>();

	@Option(names = "--jpa-property", paramLabel = "KEY=VALUE",
			description = "A spring.jpa.* or hibernate.* setting of the application (repeatable).")
	Map<String, String> jpaProperties = new LinkedHashMap<>();

	List<ColumnRename> columnRenames() {
		try {
			return this.renames.stream().map(ColumnRename::parse).toList();
		}
		catch (IllegalArgumentException ex) {
			throw CliException.usage(ex.getMessage());
		}
	}

}
