package dev.stepwise.migration;

import java.nio.file.Path;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.Scripts;
import dev.stepwise.migration.testsupport.Sql;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine's tests on one database start from: the database emptied before each test,
 * a folder of their own for scripts, and Stepwise configured on both. A subclass names its
 * database with {@code @OnDatabase}; its own {@code @BeforeEach} methods run after
 * {@link #emptyDatabase(TestDatabase)}.
 */
abstract class AbstractEmptyDatabaseTest {

	@TempDir
	Path folder;

	Scripts scripts;

	Sql sql;

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	@BeforeEach
	void emptyDatabase(TestDatabase database) {
		this.database = database;
		database.reset();
		this.scripts = new Scripts(this.folder);
		this.sql = new Sql(this.database.dataSource());
	}

	/** The database, as the engine names it (the support module's constants carry the same names). */
	DatabaseType type() {
		return DatabaseType.valueOf(this.database.type().name());
	}

	StepwiseConfiguration.Builder configure() {
		return Stepwise.configure().dataSource(this.database.dataSource()).locations(this.scripts.location());
	}

	Stepwise stepwise() {
		return configure().load();
	}

}
