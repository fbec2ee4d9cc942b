package dev.stepwise.migration.catalog;

/**
 * What belongs to one table: its columns, keys, constraints and indexes.
 */
public sealed interface TablePart extends CatalogObject
		permits Column, PrimaryKey, UniqueConstraint, Index, ForeignKey, Check {

	/** The table this belongs to. */
	String table();

}
