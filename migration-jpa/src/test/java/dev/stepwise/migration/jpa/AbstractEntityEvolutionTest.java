package dev.stepwise.migration.jpa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.catalog.Catalog;
import dev.stepwise.migration.catalog.CatalogReader;
import dev.stepwise.migration.catalog.ColumnRename;
import dev.stepwise.migration.catalog.MigrationGenerator;
import dev.stepwise.migration.catalog.MigrationGenerator.Generation;
import dev.stepwise.migration.catalog.ShadowDatabase;
import dev.stepwise.migration.catalog.WriteOptions;
import dev.stepwise.migration.jpa.model.EvolvingModel;
import dev.stepwise.migration.jpa.naming.OrderLine;
import dev.stepwise.migration.jpa.wide.Account;
import dev.stepwise.migration.jpa.wide.Address;
import dev.stepwise.migration.jpa.wide.Team;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof of issue 12 on one database: an entity model evolving over eight steps, each
 * generated, applied, regenerated to nothing, then rolled back step by step to exactly the
 * catalogue before it.
 */
abstract class AbstractEntityEvolutionTest {

	private Workspace workspace;

	@BeforeEach
	void workspace(TestDatabase database, @TempDir Path migrations, @TempDir Path javaSources,
			@TempDir Path classes) {
		database.reset();
		this.workspace = new Workspace(database, migrations, javaSources, classes);
	}

	@Test
	void eightStepsGeneratedAppliedRegeneratedEmptyAndRolledBackExactly() throws Exception {
		MigrationGenerator generator = generator();
		List<Catalog> catalogues = new ArrayList<>();
		List<String> versions = new ArrayList<>();
		catalogues.add(read());
		versions.add("0");
		for (int step = 1; step <= 8; step++) {
			List<ColumnRename> renames = (step == 5) ? List.of(ColumnRename.parse("customer.full_name=display_name"))
					: List.of();
			// Step 7's NOT NULL is altered in place (the check route): no release of this model runs.
			WriteOptions options = new WriteOptions(step == 8, false, step == 7);
			EntitySchemaSource source = EntitySchemaSource.of(EvolvingModel.step(step), Map.of());
			Generation generation = generator.generate(source, renames, options);
			assertThat(generation.isEmpty()).as("step %d finds something to do", step).isFalse();
			List<Path> files = generation.writeFiles(this.workspace.migrations(), EvolvingModel.description(step));
			assertThat(files).as("step %d writes a V and a U script", step)
				.anySatisfy((file) -> assertThat(file.getFileName().toString()).startsWith("V"))
				.anySatisfy((file) -> assertThat(file.getFileName().toString()).startsWith("U"));
			engine().migrate();

			Generation again = generator.generate(EntitySchemaSource.of(EvolvingModel.step(step), Map.of()), List.of(),
					options);
			assertThat(again.diff().toString()).as("step %d regenerated\n%s", step, scripts()).isEmpty();
			assertThat(again.writeFiles(this.workspace.migrations(), "nothing")).isEmpty();
			if (step == 2) {
				execute("INSERT INTO customer (email, full_name) VALUES ('ada@example.com', 'Ada')");
			}
			if (step == 5) {
				assertThat(queryString("SELECT display_name FROM customer")).as("the rename keeps the data")
					.isEqualTo("Ada");
			}
			catalogues.add(read());
			versions.add(String.valueOf(engine().info().currentVersion()));
		}
		keepForReading();
		assertThat(names(catalogues.get(8))).containsExactly("customer");
		assertThat(catalogues.get(8).sequences()).isEmpty();

		for (int step = 8; step >= 1; step--) {
			engine().rollbackTo(versions.get(step - 1));
			assertThat(read().facts()).as("rolled back step %d: %s\n%s", step, EvolvingModel.description(step), scripts())
				.containsExactlyElementsOf(catalogues.get(step - 1).facts());
		}
	}

	@Test
	void aWideModelRoundTripsToNothingLeftAndBackToEmpty() throws Exception {
		MigrationGenerator generator = generator();
		List<Class<?>> wide = List.of(Account.class, Address.class, Team.class);
		Generation generation = generator.generate(EntitySchemaSource.of(wide, Map.of()), List.of(),
				WriteOptions.safe());
		generation.writeFiles(this.workspace.migrations(), "wide model");
		engine().migrate();
		Generation again = generator.generate(EntitySchemaSource.of(wide, Map.of()), List.of(), WriteOptions.safe());
		assertThat(again.diff().toString()).as("regenerated\n%s", scripts()).isEmpty();
		assertThat(names(read())).contains("account", "team", "account_nicknames", "account_teams");
		engine().rollbackTo("0");
		assertThat(read().facts()).isEmpty();
	}

	@Test
	void aRenameIsExpandedWhileBothReleasesRunAndContractedInALaterOne() throws Exception {
		MigrationGenerator generator = generator();
		List<ColumnRename> rename = List.of(ColumnRename.parse("customer.full_name=display_name"));
		generator.generate(EntitySchemaSource.of(EvolvingModel.step(4), Map.of()), List.of(), WriteOptions.safe())
			.writeFiles(this.workspace.migrations(), "shop");
		engine().migrate();
		execute("INSERT INTO customer (email, full_name) VALUES ('ada@example.com', 'Ada')");
		Catalog before = read();

		Generation expand = generator.generate(EntitySchemaSource.of(EvolvingModel.step(5), Map.of()), rename,
				new WriteOptions(false, true));
		List<Path> files = expand.writeFiles(this.workspace.migrations(), this.workspace.javaSources(), "rename name");
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactly("V2__rename_name_expand.java");
		this.workspace.compile(files.get(0));
		engine().migrate();
		assertThat(queryString("SELECT display_name FROM customer")).isEqualTo("Ada");
		assertThat(queryString("SELECT full_name FROM customer")).as("the old release still reads its column")
			.isEqualTo("Ada");
		Catalog expanded = read();
		Generation whileExpanded = generator.generate(EntitySchemaSource.of(EvolvingModel.step(5), Map.of()),
				List.of(), WriteOptions.safe());
		assertThat(whileExpanded.diff().toString()).isEmpty();
		assertThat(whileExpanded.isEmpty()).isTrue();
		assertThat(whileExpanded.migration().notes()).singleElement()
			.asString()
			.contains("--allow-drop in a later release writes its contract");

		Generation contract = generator.generate(EntitySchemaSource.of(EvolvingModel.step(5), Map.of()), List.of(),
				new WriteOptions(true, true));
		List<Path> contractFiles = contract.writeFiles(this.workspace.migrations(), this.workspace.javaSources(), "drop full name");
		assertThat(contractFiles).extracting((file) -> file.getFileName().toString())
			.containsExactly("V3__drop_full_name_contract.java");
		this.workspace.compile(contractFiles.get(0));
		engine().migrate();
		assertThat(generator.generate(EntitySchemaSource.of(EvolvingModel.step(5), Map.of()), List.of(),
				new WriteOptions(true, true))
			.diff()
			.toString()).isEmpty();
		assertThat(queryString("SELECT display_name FROM customer")).isEqualTo("Ada");

		engine().rollbackTo("2");
		assertThat(read().facts()).as("contract undone").containsExactlyElementsOf(expanded.facts());
		engine().rollbackTo("1");
		assertThat(read().facts()).as("expand undone").containsExactlyElementsOf(before.facts());
		assertThat(queryString("SELECT full_name FROM customer")).isEqualTo("Ada");
	}

	@Test
	void bootNamingAsTheRunningApplicationUsesIt() throws Exception {
		EntitySchemaSource source = EntitySchemaSource.of(List.of(OrderLine.class, OrderLine.ProductTag.class),
				Map.of());
		try (ShadowDatabase shadow = ShadowDatabase.create(this.workspace.database().url(),
				ShadowDatabase.Connector.driverManager(null, null))) {
			source.buildInto(shadow.dataSource());
			Catalog catalog;
			try (Connection connection = shadow.dataSource().getConnection()) {
				catalog = CatalogReader.read(connection);
			}
			assertThat(names(catalog)).containsExactlyInAnyOrder("order_line", "tags", "order_line_product_tags");
			assertThat(catalog.findTable("order_line").orElseThrow().columns())
				.extracting((column) -> column.name().toLowerCase(java.util.Locale.ROOT))
				.containsExactlyInAnyOrder("id", "unit_price", "qty");
			assertThat(catalog.findTable("tags").orElseThrow().columns())
				.extracting((column) -> column.name().toLowerCase(java.util.Locale.ROOT))
				.containsExactlyInAnyOrder("id", "label_text");
		}
	}

	@Test
	void theEntitiesAreFoundInTheirPackage() {
		EntitySchemaSource source = EntitySchemaSource.scan(getClass().getClassLoader(),
				List.of(OrderLine.class.getPackageName()), Map.of());
		assertThat(source.classes()).containsExactlyInAnyOrder(OrderLine.class, OrderLine.ProductTag.class);
	}

	/** The generated scripts under target/, to read what was written for each database. */
	private void keepForReading() throws IOException {
		Path copy = Path.of("target", "generated-evolution",
				this.workspace.database().type().name().toLowerCase(java.util.Locale.ROOT));
		Files.createDirectories(copy);
		try (Stream<Path> files = Files.list(this.workspace.migrations())) {
			for (Path file : files.toList()) {
				Files.copy(file, copy.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static List<String> names(Catalog catalog) {
		return catalog.tables().keySet().stream().map((name) -> name.toLowerCase(java.util.Locale.ROOT)).toList();
	}

	private MigrationGenerator generator() {
		return this.workspace.generator();
	}

	private Stepwise engine() {
		return this.workspace.engine();
	}

	private Catalog read() throws SQLException {
		return this.workspace.read();
	}

	private void execute(String sql) throws SQLException {
		this.workspace.execute(sql);
	}

	private String queryString(String sql) throws SQLException {
		return this.workspace.queryString(sql);
	}

	private String scripts() throws IOException {
		return this.workspace.scripts();
	}

}
