package dev.stepwise.migration.jpa.model;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A model with identity keys only (the schema DSL has no sequences), in three steps that
 * touch each kind of object the DSL writes: a table with a unique column, a second table
 * with a foreign key and an index, then a widening, a dropped NOT NULL, a dropped column and
 * a dropped table.
 */
public final class LibraryModel {

	private LibraryModel() {
	}

	/** The managed classes of a step, 1 to 3. */
	public static List<Class<?>> step(int step) {
		return switch (step) {
			case 1 -> List.of(Step1.Author.class);
			case 2 -> List.of(Step2.Author.class, Step2.Book.class);
			case 3 -> List.of(Step3.Author.class);
			default -> throw new IllegalArgumentException("No step " + step);
		};
	}

	public static final class Step1 {

		@Entity(name = "Author")
		@Table(name = "author")
		public static class Author {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100, nullable = false)
			String name;

			@Column(length = 100, unique = true)
			String email;

		}

	}

	public static final class Step2 {

		@Entity(name = "Author")
		@Table(name = "author")
		public static class Author {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 100, nullable = false)
			String name;

			@Column(length = 100, unique = true)
			String email;

			@Column(length = 500)
			String bio;

		}

		@Entity(name = "Book")
		@Table(name = "book", indexes = @Index(name = "book_author_idx", columnList = "author_id"))
		public static class Book {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 200, nullable = false)
			String title;

			@ManyToOne
			@JoinColumn(name = "author_id")
			Author author;

		}

	}

	public static final class Step3 {

		@Entity(name = "Author")
		@Table(name = "author")
		public static class Author {

			@Id
			@GeneratedValue(strategy = GenerationType.IDENTITY)
			Long id;

			@Column(length = 200)
			String name;

			@Column(length = 500)
			String bio;

		}

	}

}
