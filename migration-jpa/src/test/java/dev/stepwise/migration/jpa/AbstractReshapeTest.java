package dev.stepwise.migration.jpa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.stepwise.migration.catalog.Catalog;
import dev.stepwise.migration.catalog.ColumnRename;
import dev.stepwise.migration.catalog.GenerationRefusedException;
import dev.stepwise.migration.catalog.MigrationGenerator.Generation;
import dev.stepwise.migration.catalog.WriteOptions;
import dev.stepwise.migration.jpa.model.ReshapedModel;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Changes the running release does not survive in place (issue 12, point 4): a type change
 * and a new NOT NULL are refused, with the way to write them, or written as an expand whose
 * contract comes later; a new NOT NULL column needs a default, and a widening is written in
 * place.
 */
abstract class AbstractReshapeTest {

	private static final WriteOptions EXPAND = new WriteOptions(false, true);

	private static final WriteOptions CONTRACT = new WriteOptions(true, true);

	private Workspace workspace;

	@BeforeEach
	void released(TestDatabase database, @TempDir Path migrations, @TempDir Path javaSources,
			@TempDir Path classes) throws Exception {
		database.reset();
		this.workspace = new Workspace(database, migrations, javaSources, classes);
		this.workspace.write(this.workspace.generate(ReshapedModel.released(), List.of(), WriteOptions.safe()),
				"invoices");
		this.workspace.engine().migrate();
		this.workspace.execute("INSERT INTO invoice (amount, note) VALUES (12.00, NULL)");
		this.workspace.execute("INSERT INTO invoice (amount, note) VALUES (3.00, 'paid')");
	}

	@Test
	void aTypeChangeAndANewNotNullOnTheSameColumnsAreRefusedNamingTheWayToWriteThem() throws Exception {
		Generation generation = this.workspace.generate(ReshapedModel.sameNames(), List.of(), WriteOptions.safe());
		assertThat(generation.refused()).isTrue();
		assertThat(generation.isEmpty()).isFalse();
		assertThat(String.join("\n", generation.refusals()).toLowerCase(java.util.Locale.ROOT)).contains(
				"column invoice.amount changes type", "column invoice.note becomes not null",
				"breaks the release running while it applies", "--expand --rename invoice.amount=amount_v2",
				"--in-place");
		assertThatExceptionOfType(GenerationRefusedException.class)
			.isThrownBy(() -> generation.writeFiles(this.workspace.migrations(), this.workspace.javaSources(), "x"))
			.withMessageStartingWith("Nothing written: ");
		assertThat(files()).as("nothing written").containsExactly("U1__invoices.sql", "V1__invoices.sql");

		Generation expand = this.workspace.generate(ReshapedModel.sameNames(), List.of(), EXPAND);
		assertThat(String.join("\n", expand.refusals())).as("an expand needs a new column name")
			.contains("an expand needs the new shape under a new column name");
	}

	@Test
	void newColumnNamesWithoutRenamesAreSuggestedAsAnExpand() {
		Generation generation = this.workspace.generate(ReshapedModel.newNames(), List.of(), WriteOptions.safe());
		assertThat(String.join("\n", generation.diff().renameSuggestions()).toLowerCase(java.util.Locale.ROOT))
			.contains("--rename invoice.note=note_text", "of another type appears",
					"--expand --rename invoice.amount=amount_cents");
		Generation typeOnly = this.workspace.generate(ReshapedModel.sameNames(), List.of(), WriteOptions.safe());
		assertThat(typeOnly.diff().renameSuggestions()).as("no pair, no suggestion").isEmpty();
	}

	@Test
	void aTypeChangeAndANewNotNullAreExpandedWhileBothReleasesRunAndContractedInALaterOne() throws Exception {
		Catalog before = this.workspace.read();
		List<ColumnRename> renames = List.of(ColumnRename.parse("invoice.amount=amount_cents"),
				ColumnRename.parse("invoice.note=note_text"));
		Generation expand = this.workspace.generate(ReshapedModel.newNames(), renames, EXPAND);
		assertThat(expand.refusals()).isEmpty();
		assertThat(expand.expands()).extracting((change) -> change.operation().name())
			.containsExactlyInAnyOrder("CHANGE_COLUMN_TYPE", "SET_NOT_NULL");
		List<Path> files = this.workspace.write(expand, "reshape invoice");
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.as(this.workspace.scripts())
			.containsExactly("V2__reshape_invoice_expand.java");
		this.workspace.engine().migrate();

		assertThat(this.workspace.queryString("SELECT amount_cents FROM invoice WHERE amount = 12")).isEqualTo("12");
		assertThat(this.workspace.queryString("SELECT note_text FROM invoice WHERE amount = 12"))
			.as("a null becomes the entity's default")
			.isEqualTo("none");
		assertThat(this.workspace.queryString("SELECT note_text FROM invoice WHERE amount = 3")).isEqualTo("paid");
		this.workspace.execute("INSERT INTO invoice (amount, note) VALUES (5.00, NULL)");
		assertThat(this.workspace.queryString("SELECT note_text FROM invoice WHERE amount = 5"))
			.as("the old release's writes reach the new columns")
			.isEqualTo("none");
		assertThat(this.workspace.queryString("SELECT amount_cents FROM invoice WHERE amount = 5")).isEqualTo("5");
		this.workspace.execute("INSERT INTO invoice (amount_cents, note_text) VALUES (7, 'new')");
		assertThat(this.workspace.queryString("SELECT note FROM invoice WHERE amount_cents = 7"))
			.as("the new release's writes reach the old columns")
			.isEqualTo("new");
		this.workspace.execute("DELETE FROM invoice WHERE amount_cents IN (5, 7)");
		Catalog expanded = this.workspace.read();

		Generation whileExpanded = this.workspace.generate(ReshapedModel.newNames(), List.of(), WriteOptions.safe());
		assertThat(whileExpanded.diff().toString()).as(this.workspace.scripts()).isEmpty();
		assertThat(whileExpanded.isEmpty()).isTrue();
		assertThat(whileExpanded.migration().notes()).hasSize(2)
			.allSatisfy((note) -> assertThat(note).contains("--allow-drop in a later release writes its contract"));

		List<Path> contract = this.workspace.write(
				this.workspace.generate(ReshapedModel.newNames(), List.of(), CONTRACT), "drop old invoice columns");
		assertThat(contract).extracting((file) -> file.getFileName().toString())
			.containsExactly("V3__drop_old_invoice_columns_contract.java");
		this.workspace.engine().migrate();
		Generation after = this.workspace.generate(ReshapedModel.newNames(), List.of(), CONTRACT);
		assertThat(after.diff().toString()).as(this.workspace.scripts()).isEmpty();
		assertThat(this.workspace.queryString("SELECT note_text FROM invoice WHERE amount_cents = 12"))
			.isEqualTo("none");

		this.workspace.engine().rollbackTo("2");
		assertThat(this.workspace.read().facts()).as("contract undone")
			.containsExactlyElementsOf(expanded.facts());
		this.workspace.engine().rollbackTo("1");
		assertThat(this.workspace.read().facts()).as("expand undone").containsExactlyElementsOf(before.facts());
		assertThat(this.workspace.queryString("SELECT amount FROM invoice WHERE note = 'paid'")).startsWith("3");
	}

	@Test
	void aNewNotNullColumnNeedsADefaultAndWithOneIsAddedToATableWithRows() throws Exception {
		Catalog before = this.workspace.read();
		Generation withoutDefault = this.workspace.generate(ReshapedModel.newNotNullColumn(), List.of(),
				new WriteOptions(true, true, true));
		assertThat(String.join("\n", withoutDefault.refusals()).toLowerCase(java.util.Locale.ROOT))
			.as("refused whatever the options")
			.contains("invoice.currency is new and not null without a default", "@columndefault");

		Generation withDefault = this.workspace.generate(ReshapedModel.newNotNullColumnWithDefault(), List.of(),
				WriteOptions.safe());
		assertThat(withDefault.refusals()).isEmpty();
		this.workspace.write(withDefault, "add currency");
		this.workspace.engine().migrate();
		assertThat(this.workspace.queryString("SELECT currency FROM invoice WHERE amount = 12")).isEqualTo("EUR");
		assertThat(this.workspace.generate(ReshapedModel.newNotNullColumnWithDefault(), List.of(), WriteOptions.safe())
			.diff()
			.toString()).as(this.workspace.scripts()).isEmpty();
		this.workspace.engine().rollbackTo("1");
		assertThat(this.workspace.read().facts()).containsExactlyElementsOf(before.facts());
	}

	@Test
	void aWideningIsWrittenInPlaceAndKeepsTheData() throws Exception {
		Generation widened = this.workspace.generate(ReshapedModel.widened(), List.of(), WriteOptions.safe());
		assertThat(widened.refusals()).isEmpty();
		this.workspace.write(widened, "widen invoice");
		this.workspace.engine().migrate();
		assertThat(this.workspace.generate(ReshapedModel.widened(), List.of(), WriteOptions.safe()).diff().toString())
			.as(this.workspace.scripts())
			.isEmpty();
		assertThat(this.workspace.queryString("SELECT note FROM invoice WHERE amount = 3")).isEqualTo("paid");
	}

	private List<String> files() throws Exception {
		try (Stream<Path> files = Files.list(this.workspace.migrations())) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
