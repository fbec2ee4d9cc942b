package dev.stepwise.migration.internal.resolve;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.api.ScriptSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link ScriptSource} lists the {@code classpath:} locations that are in none of the class
 * loader's directories and jars, as a native image needs: its scripts are resolved like
 * scanned ones, {@code {vendor}} included. What the class loader's directories and jars hold,
 * the engine lists itself, without asking the source.
 */
class ScriptSourceTest {

	private final Map<String, List<ScriptResource>> sources = Map.of("memory/migration",
			List.of(script("memory/migration", "V2__add_note.sql", "INSERT INTO notes VALUES ('a');"),
					script("memory/migration", "V1__create_notes.sql", "CREATE TABLE notes (text VARCHAR(9));"),
					script("memory/migration", "U1__create_notes.sql", "DROP TABLE notes;")),
			"memory/mysql", List.of(script("memory/mysql", "V1__mysql_only.sql", "SELECT 1;")));

	private final ScriptSource source = (location, path) -> this.sources.get(path);

	@Test
	void resolvesTheScriptsTheSourceLists() {
		List<ResolvedMigration> resolved = resolver(List.of("classpath:memory/migration"), DatabaseType.H2).resolve();
		assertThat(resolved).extracting(ResolvedMigration::script)
			.containsExactly("V1__create_notes.sql", "V2__add_note.sql");
		assertThat(resolved.get(0).undoable()).isTrue();
		assertThat(resolved).allSatisfy((migration) -> assertThat(migration.checksum()).isNotNull());
	}

	@Test
	void fallsBackFromMariaDbToMySqlWhenTheSourceHasNoMariaDbLocation() {
		List<ResolvedMigration> resolved = resolver(List.of("classpath:memory/{vendor}"), DatabaseType.MARIADB)
			.resolve();
		assertThat(resolved).extracting(ResolvedMigration::script).containsExactly("V1__mysql_only.sql");
	}

	@Test
	void withoutASourceTheClassLoaderFindsNothingThere() {
		List<ResolvedMigration> resolved = new MigrationResolver(List.of("classpath:memory/migration"),
				getClass().getClassLoader(), StandardCharsets.UTF_8, DatabaseType.H2, List.of())
			.resolve();
		assertThat(resolved).isEmpty();
	}

	@Test
	void listsTheClassLoadersDirectoriesAndJarsWithoutAskingTheSource() {
		ScriptSource unexpected = (location, path) -> {
			throw new AssertionError("The source was asked for " + location);
		};
		List<ResolvedMigration> resolved = new MigrationResolver(List.of("classpath:resolve/basic"),
				getClass().getClassLoader(), unexpected, StandardCharsets.UTF_8, DatabaseType.H2, List.of())
			.resolve();
		assertThat(resolved).extracting(ResolvedMigration::script).contains("V1__create_users.sql");
	}

	@Test
	void asksTheSourceWhereTheClassPathEntryIsNeitherADirectoryNorAJar() {
		ClassLoader resourcesOnly = new ClassLoader(null) {

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				URL root = new URL("resource", null, -1, "/" + name, new NoConnections());
				return name.equals("memory/migration") ? Collections.enumeration(List.of(root))
						: Collections.emptyEnumeration();
			}

		};
		List<ResolvedMigration> resolved = new MigrationResolver(List.of("classpath:memory/migration"), resourcesOnly,
				this.source, StandardCharsets.UTF_8, DatabaseType.H2, List.of())
			.resolve();
		assertThat(resolved).extracting(ResolvedMigration::script)
			.containsExactly("V1__create_notes.sql", "V2__add_note.sql");
	}

	private MigrationResolver resolver(List<String> locations, DatabaseType type) {
		return new MigrationResolver(locations, getClass().getClassLoader(), this.source, StandardCharsets.UTF_8, type,
				List.of());
	}

	private static ScriptResource script(String path, String name, String sql) {
		return new ScriptResource() {

			@Override
			public String path() {
				return name;
			}

			@Override
			public String location() {
				return "classpath:" + path;
			}

			@Override
			public String read(Charset charset) {
				return sql;
			}

		};
	}

	/** A native image's kind of URL: no connection can read it. */
	private static final class NoConnections extends URLStreamHandler {

		@Override
		protected URLConnection openConnection(URL url) throws IOException {
			throw new IOException("Not a readable URL: " + url);
		}

	}

}
