package dev.stepwise.migration.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseConfiguration;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.expand.ColumnChange;
import org.jspecify.annotations.Nullable;

/**
 * The next migration, generated: what a {@link SchemaSource} wants against what the existing
 * migrations make.
 * <ol>
 * <li>The source builds its schema into one shadow database on the configured server.</li>
 * <li>The existing migrations run into a second one.</li>
 * <li>The two catalogues are compared (with the renames given), and the SQL written with
 * its undo; both shadow databases are dropped.</li>
 * <li>{@link #writeFiles} writes {@code V<n>__<name>.sql} and {@code U<n>__<name>.sql}
 * (and, when some statements must run without a transaction, a second pair
 * {@code V<n+1>__<name>_concurrently.sql}); nothing when nothing differs.</li>
 * </ol>
 */
public final class MigrationGenerator {

	private final String serverUrl;

	private final ShadowDatabase.Connector connector;

	private final Function<DataSource, StepwiseConfiguration.Builder> configuration;

	/**
	 * A generator for a database server.
	 * @param serverUrl the configured database's URL: the shadow databases go on its server
	 * @param connector opens a DataSource on a URL with the configured credentials
	 * @param configuration the engine's configuration on a given DataSource
	 */
	public MigrationGenerator(String serverUrl, ShadowDatabase.Connector connector,
			Function<DataSource, StepwiseConfiguration.Builder> configuration) {
		this.serverUrl = serverUrl;
		this.connector = connector;
		this.configuration = configuration;
	}

	/**
	 * Compares what the source wants with what the migrations make.
	 * @param source the wanted schema
	 * @param renames columns the user says were renamed
	 * @param options what may be dropped
	 * @return the comparison and the SQL
	 */
	public Generation generate(SchemaSource source, List<ColumnRename> renames, WriteOptions options) {
		Catalog wanted;
		try (ShadowDatabase shadow = ShadowDatabase.create(this.serverUrl, this.connector)) {
			try {
				source.buildInto(shadow.dataSource());
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot build the wanted schema in the shadow database: " + ex.getMessage(),
						ex);
			}
			try (java.sql.Connection connection = shadow.dataSource().getConnection()) {
				wanted = CatalogReader.read(connection, CatalogReader.BOOKKEEPING_TABLES);
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Cannot read the shadow database: " + ex.getMessage(), ex);
		}
		Catalog current;
		@Nullable String currentVersion;
		List<Expansion> inFlight;
		try (ShadowDatabase shadow = ShadowDatabase.create(this.serverUrl, this.connector)) {
			Stepwise engine = this.configuration.apply(shadow.dataSource()).load();
			engine.migrate();
			var version = engine.info().currentVersion();
			currentVersion = (version != null) ? version.toString() : null;
			current = MigrationsSchema.read(shadow.dataSource(), engine.configuration());
			inFlight = engine.expansions()
				.stream()
				.filter((expansion) -> expansion.state() == ExpansionState.EXPANDED)
				.toList();
		}
		CatalogDiff diff = CatalogDiff.compare(current, wanted, renames);
		// The old column of an expanded rename goes with its contract, never with a DROP COLUMN.
		List<String> contracts = new ArrayList<>();
		List<Column> defaults = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (Expansion expansion : inFlight) {
			if (diff.differences().stream().anyMatch((difference) -> isOldColumn(difference, expansion))) {
				if (options.allowDrop()) {
					contracts.add(expansion.id());
					defaultAfterContract(expansion, current, wanted).ifPresent(defaults::add);
				}
				else {
					notes.add("column " + expansion.table() + "." + expansion.oldColumn() + " is expanded into "
							+ expansion.newColumn() + ": generate --allow-drop in a later release writes its contract");
				}
			}
		}
		// While expanded, the new column is nullable and has no default until its contract gives them.
		diff = diff.filter((difference) -> inFlight.stream()
			.noneMatch((expansion) -> isOldColumn(difference, expansion) || isNewColumn(difference, expansion)));
		ChangePlan plan = ChangePlan.of(diff, current, options);
		GeneratedMigration migration = ScriptWriter.write(plan.diff(), current, options);
		if (!notes.isEmpty()) {
			List<String> allNotes = new ArrayList<>(migration.notes());
			allNotes.addAll(notes);
			migration = new GeneratedMigration(migration.up(), migration.down(), migration.upWithoutTransaction(),
					migration.downWithoutTransaction(), allNotes);
		}
		List<ColumnChange> expands = plan.expands();
		List<String> refusals = plan.refusals();
		GeneratedSchemaMigration java = SchemaMigrationWriter.write(plan.diff(), current, options, expands, contracts,
				defaults);
		return new Generation(diff, migration, nextVersion(currentVersion), current.type(), expands, contracts, defaults,
				refusals, java);
	}

	private static boolean isOldColumn(Difference difference, Expansion expansion) {
		return difference instanceof Difference.Dropped dropped && dropped.object() instanceof Column column
				&& column.table().equalsIgnoreCase(expansion.table())
				&& column.name().equalsIgnoreCase(expansion.oldColumn());
	}

	/**
	 * The new column's default, when the wanted one differs from the old column's, which the
	 * contract gives it (a NOT NULL expanded with the entity's default for the nulls, say).
	 */
	private static java.util.Optional<Column> defaultAfterContract(Expansion expansion, Catalog current,
			Catalog wanted) {
		java.util.Optional<Column> after = wanted.findTable(expansion.table())
			.flatMap((table) -> table.column(expansion.newColumn()));
		@Nullable String oldDefault = current.findTable(expansion.table())
			.flatMap((table) -> table.column(expansion.oldColumn()))
			.map(Column::defaultValue)
			.orElse(null);
		return after.filter((column) -> column.defaultValue() != null
				&& !column.defaultValue().equals(oldDefault));
	}

	private static boolean isNewColumn(Difference difference, Expansion expansion) {
		return difference instanceof Difference.Changed changed && changed.before() instanceof Column column
				&& column.table().equalsIgnoreCase(expansion.table())
				&& column.name().equalsIgnoreCase(expansion.newColumn());
	}

	/** The first whole version above the current one: 3 after 2, and after 2.1. */
	static int nextVersion(@Nullable String current) {
		if (current == null) {
			return 1;
		}
		String major = current.split("[._]")[0];
		return Integer.parseInt(major) + 1;
	}

	/**
	 * What a generation found.
	 * @param diff the differences
	 * @param migration the SQL and its undo
	 * @param version the version of the migration to write
	 * @param type the database it is written for
	 * @param expands the changes written as an expand, in a Java migration
	 * @param contracts the expanded changes to contract, {@code table.new_column}
	 * @param defaultsAfterContract the new columns whose default the contract's migration sets
	 * after it, as the target wants them
	 * @param refusals the changes that the options do not say how to write without breaking
	 * the running release, each with the option that writes it: nothing is written while any
	 * @param java the whole change as one Java {@code SchemaMigration}, for {@code --java}
	 */
	public record Generation(CatalogDiff diff, GeneratedMigration migration, int version,
			dev.stepwise.migration.api.DatabaseType type, List<ColumnChange> expands, List<String> contracts,
			List<Column> defaultsAfterContract, List<String> refusals, GeneratedSchemaMigration java) {

		public Generation {
			expands = List.copyOf(expands);
			contracts = List.copyOf(contracts);
			defaultsAfterContract = List.copyOf(defaultsAfterContract);
			refusals = List.copyOf(refusals);
		}

		/** Whether there is nothing to write (and nothing refused). */
		public boolean isEmpty() {
			return this.migration.isEmpty() && !hasJavaMigration() && this.refusals.isEmpty();
		}

		/** Whether a change was refused, so that nothing can be written. */
		public boolean refused() {
			return !this.refusals.isEmpty();
		}

		/** Whether an expand or a contract needs a Java migration. */
		public boolean hasJavaMigration() {
			return !this.expands.isEmpty() || !this.contracts.isEmpty();
		}

		/**
		 * Writes the scripts, and the Java migration of an expand or a contract (first, as
		 * {@code db.migration.V<n>__<name>}), which the project compiles like its others.
		 * @param directory the migrations directory
		 * @param javaDirectory the directory of package {@code db.migration}'s sources
		 * @param description the description in the file names
		 * @return the files written, none when nothing differs
		 */
		public List<Path> writeFiles(Path directory, Path javaDirectory, String description) {
			if (refused()) {
				throw new GenerationRefusedException(this.refusals);
			}
			if (!hasJavaMigration()) {
				return writeFiles(directory, description);
			}
			String name = fileName(description) + (this.expands.isEmpty() ? "_contract" : "_expand");
			String className = "V" + this.version + "__" + name;
			List<Path> written = new ArrayList<>();
			try {
				Files.createDirectories(javaDirectory);
				written.add(write(javaDirectory.resolve(className + ".java"),
						JavaMigrationWriter.source(className, this.expands, this.contracts,
								this.defaultsAfterContract)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the migration into " + javaDirectory + ": "
						+ ex.getMessage(), ex);
			}
			Generation rest = new Generation(this.diff, this.migration, this.version + 1, this.type, List.of(),
					List.of(), List.of(), List.of(), this.java);
			written.addAll(rest.writeFiles(directory, description));
			return written;
		}

		/**
		 * Writes the whole change as one Java {@code SchemaMigration},
		 * {@code db.migration.V<n>__<name>}, whose undo the engine works out, instead of SQL
		 * scripts ({@code generate --java}).
		 * @param javaDirectory the directory of package {@code db.migration}'s sources
		 * @param description the description in the class's name
		 * @return the file written, none when nothing differs
		 * @throws GenerationRefusedException when a change is refused, or the DSL cannot say it
		 */
		public List<Path> writeJavaMigration(Path javaDirectory, String description) {
			if (refused()) {
				throw new GenerationRefusedException(this.refusals);
			}
			if (!this.java.unsupported().isEmpty()) {
				List<String> problems = new ArrayList<>();
				this.java.unsupported()
					.forEach((what) -> problems.add(what + ": the schema DSL cannot write it; generate without --java"
							+ " writes it as SQL"));
				throw new GenerationRefusedException(problems);
			}
			if (this.java.calls().isEmpty()) {
				return List.of();
			}
			String className = "V" + this.version + "__" + fileName(description);
			try {
				Files.createDirectories(javaDirectory);
				return List.of(write(javaDirectory.resolve(className + ".java"),
						JavaMigrationWriter.source(className, this.java)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the migration into " + javaDirectory + ": "
						+ ex.getMessage(), ex);
			}
		}

		private static String fileName(String description) {
			return description.trim().replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
		}

		/**
		 * Writes the scripts into a directory.
		 * @param directory the migrations directory (created if absent)
		 * @param description the description in the file names, such as {@code add_orders}
		 * @return the files written, none when nothing differs
		 */
		public List<Path> writeFiles(Path directory, String description) {
			if (refused()) {
				throw new GenerationRefusedException(this.refusals);
			}
			List<Path> written = new ArrayList<>();
			if (this.migration.isEmpty()) {
				return written;
			}
			if (hasJavaMigration()) {
				throw new IllegalStateException("This migration needs a Java migration too: give its directory");
			}
			String name = fileName(description);
			List<String> header = new ArrayList<>(List.of("Generated by stepwise generate for " + this.type.vendor()
					+ ": review it before you commit it."));
			this.migration.notes().forEach((note) -> header.add("Note: " + note));
			this.diff.renameSuggestions().forEach((suggestion) -> header.add("Note: " + suggestion));
			try {
				Files.createDirectories(directory);
				if (!this.migration.up().isEmpty()) {
					written.add(write(directory.resolve("V" + this.version + "__" + name + ".sql"),
							GeneratedMigration.script(header, this.migration.up(), false)));
					written.add(write(directory.resolve("U" + this.version + "__" + name + ".sql"),
							GeneratedMigration.script(List.of("Undoes V" + this.version + "__" + name + ".sql."),
									this.migration.down(), false)));
				}
				if (this.migration.hasPartWithoutTransaction()) {
					int next = this.migration.up().isEmpty() ? this.version : this.version + 1;
					String concurrent = name + "_concurrently";
					written.add(write(directory.resolve("V" + next + "__" + concurrent + ".sql"),
							GeneratedMigration.script(List.of("Generated by stepwise generate: statements that must"
									+ " run without a transaction (concurrent index builds, validations)."),
									this.migration.upWithoutTransaction(), true)));
					written.add(write(directory.resolve("U" + next + "__" + concurrent + ".sql"),
							GeneratedMigration.script(List.of("Undoes V" + next + "__" + concurrent + ".sql."),
									this.migration.downWithoutTransaction(), true)));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the migration into " + directory + ": " + ex.getMessage(), ex);
			}
			return written;
		}

		private static Path write(Path file, String text) throws IOException {
			if (Files.exists(file)) {
				throw new IOException(file.getFileName() + " exists already");
			}
			return Files.writeString(file, text);
		}

	}

}
