package dev.stepwise.migration.boot.slices;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The entity on the table the migrations create; it maps only some of the table's columns.
 */
@Entity
@Table(name = "books")
class Book {

	@Id
	private @Nullable Long id;

	private @Nullable String title;

	protected Book() {
	}

	@Nullable String getTitle() {
		return this.title;
	}

}
