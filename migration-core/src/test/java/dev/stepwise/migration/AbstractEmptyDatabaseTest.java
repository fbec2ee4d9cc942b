package dev.stepwise.migration;

import java.nio.file.Path;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.Scripts;
import dev.stepwise.migration.testsupport.Sql;
import dev.stepwise.migration.testsupport.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine's tests on one database start from: the database emptied before each test,
 * a folder of their own for scripts, and Stepwise configured on both. A subclass registers
 * the {@link TestDatabaseExtension} and returns it from {@link #database()}; its own
 * {@code @BeforeEach} methods run after {@link #emptyDatabase()}.
 */
abstract class AbstractEmptyDatabaseTest {

	@TempDir
	Path folder;

	Scripts scripts;

	Sql sql;

	abstract TestDatabaseExtension database();

	@BeforeEach
	void emptyDatabase() {
		database().database().reset();
		this.scripts = new Scripts(this.folder);
		this.sql = new Sql(database().dataSource());
	}

	/** The database, as the engine names it (the support module's constants carry the same names). */
	DatabaseType type() {
		return DatabaseType.valueOf(database().type().name());
	}

	StepwiseConfiguration.Builder configure() {
		return Stepwise.configure().dataSource(database().dataSource()).locations(this.scripts.location());
	}

	Stepwise stepwise() {
		return configure().load();
	}

}
