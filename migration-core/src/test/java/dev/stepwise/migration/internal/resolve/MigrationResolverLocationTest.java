package dev.stepwise.migration.internal.resolve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.StepwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import static dev.stepwise.migration.internal.resolve.TestScripts.resolve;
import static dev.stepwise.migration.internal.resolve.TestScripts.resolver;
import static dev.stepwise.migration.internal.resolve.TestScripts.writeScripts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class MigrationResolverLocationTest {

	@TempDir
	Path directory;

	@Test
	void takesClasspathAsTheDefaultPrefix() {
		assertThat(scripts(resolve("resolve/extra"))).containsExactly("V3__extra.sql");
		assertThat(scripts(resolve("/resolve/extra/"))).containsExactly("V3__extra.sql");
	}

	@Test
	void resolvesAFilesystemLocationWithItsSubdirectories() {
		writeScripts(this.directory, "V1__a.sql", "sub/V2__b.sql", "sub/deeper/R__c.sql", "notes.md", "sub/data.csv");
		List<ResolvedMigration> migrations = resolve(this.directory);
		assertThat(scripts(migrations)).containsExactly("V1__a.sql", "sub/V2__b.sql", "sub/deeper/R__c.sql");
		assertThat(migrations.get(1).upScript().location()).isEqualTo("filesystem:" + this.directory);
		assertThat(migrations.get(1).upScript().read(StandardCharsets.UTF_8)).isEqualTo("SELECT 'sub/V2__b.sql';\n");
	}

	@Test
	void followsSymbolicLinksWithoutLoopingOnALinkBackUp(@TempDir Path elsewhere) throws IOException {
		writeScripts(this.directory, "V1__a.sql");
		writeScripts(elsewhere, "V2__linked.sql", "R__linked_script.sql");
		Files.createSymbolicLink(this.directory.resolve("linked"), elsewhere);
		Files.createSymbolicLink(this.directory.resolve("V3__link_to_script.sql"),
				elsewhere.resolve("R__linked_script.sql"));
		Files.createSymbolicLink(elsewhere.resolve("back"), this.directory);
		assertThat(scripts(resolve(this.directory))).containsExactly("V1__a.sql", "linked/V2__linked.sql",
				"V3__link_to_script.sql", "linked/R__linked_script.sql");
	}

	@Test
	void resolvesARelativeFilesystemLocationFromTheWorkingDirectory() {
		// Maven runs tests in the module's directory.
		assertThat(scripts(resolve("filesystem:src/test/resources/resolve/extra"))).containsExactly("V3__extra.sql");
	}

	@Test
	void resolvesAJarOnTheClasspath() throws IOException {
		Path jar = jar("scripts.jar", "db/migration/V1__a.sql", "db/migration/2026/V2__b.sql",
				"db/migration/U1__a.sql", "db/migration/README.md", "db/other/V9__elsewhere.sql");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<ResolvedMigration> migrations = new MigrationResolver(List.of("classpath:db/migration"), classLoader,
					StandardCharsets.UTF_8, DatabaseType.H2, List.of())
				.resolve();
			assertThat(migrations).extracting(ResolvedMigration::script, ResolvedMigration::downScriptName)
				.containsExactly(tuple("V1__a.sql", "U1__a.sql"), tuple("2026/V2__b.sql", null));
			assertThat(migrations.get(1).upScript().location()).isEqualTo("classpath:db/migration");
			assertThat(migrations.get(1).upScript().read(StandardCharsets.UTF_8))
				.isEqualTo("SELECT 'db/migration/2026/V2__b.sql';\n");
			assertThat(migrations.get(1).checksum())
				.isEqualTo(Checksums.crc32("SELECT 'db/migration/2026/V2__b.sql';"));
		}
	}

	@Test
	void resolvesAJarReachedThroughAnyJarUrlConnection() throws IOException {
		// Spring Boot's executable jar serves BOOT-INF/classes through its own JarURLConnection, with
		// a URL (jar:nested:/app.jar/!BOOT-INF/classes/!/db/migration) that only its handler understands.
		Path classes = jar("classes.jar", "db/migration/V1__a.sql", "db/migration/sub/V2__b.sql");
		try (JarFile classesJar = new JarFile(classes.toFile())) {
			URL root = new URL("jar", "", -1, "file:/app.jar!/BOOT-INF/classes/!/db/migration",
					new FixedJarHandler(classesJar, "db/migration"));
			ClassLoader classLoader = new SingleResourceClassLoader("db/migration", root);
			List<ResolvedMigration> migrations = new MigrationResolver(List.of("classpath:db/migration"), classLoader,
					StandardCharsets.UTF_8, DatabaseType.H2, List.of())
				.resolve();
			assertThat(scripts(migrations)).containsExactly("V1__a.sql", "sub/V2__b.sql");
			assertThat(migrations.get(1).upScript().read(StandardCharsets.UTF_8))
				.isEqualTo("SELECT 'db/migration/sub/V2__b.sql';\n");
		}
	}

	@Test
	void mergesTheSameLocationFromSeveralClasspathRoots() throws IOException {
		Path jar = jar("more.jar", "db/migration/V2__from_jar.sql");
		Path classes = writeScripts(this.directory.resolve("classes"), "db/migration/V1__from_directory.sql",
				"db/migration/R__from_directory.sql");
		URL[] roots = { classes.toUri().toURL(), jar.toUri().toURL() };
		try (URLClassLoader classLoader = new URLClassLoader(roots, null)) {
			List<ResolvedMigration> migrations = new MigrationResolver(List.of("db/migration"), classLoader,
					StandardCharsets.UTF_8, DatabaseType.H2, List.of())
				.resolve();
			assertThat(scripts(migrations)).containsExactly("V1__from_directory.sql", "V2__from_jar.sql",
					"R__from_directory.sql");
		}
	}

	@Test
	void mergesSeveralLocations() {
		writeScripts(this.directory, "V4__from_filesystem.sql");
		assertThat(scripts(resolve("classpath:resolve/basic", "resolve/extra", "filesystem:" + this.directory)))
			.containsExactly("V1__create_users.sql", "V1.1__add_email.sql", "2026/V2__add_orders.sql",
					"2026/nested/V2.1__index_orders.sql", "V3__extra.sql", "V4__from_filesystem.sql",
					"R__users_view.sql");
	}

	@Test
	void scansALocationListedTwiceOnce() {
		assertThat(scripts(resolve("classpath:resolve/extra", "resolve/extra/", "/resolve/extra")))
			.containsExactly("V3__extra.sql");
	}

	@ParameterizedTest
	@EnumSource(DatabaseType.class)
	void resolvesVendorToTheDatabaseType(DatabaseType databaseType) {
		List<ResolvedMigration> migrations = resolver(List.of("classpath:resolve/vendor/{vendor}"), databaseType)
			.resolve();
		assertThat(migrations).extracting(ResolvedMigration::description)
			.containsExactly(databaseType.vendor() + " only");
		assertThat(migrations.get(0).upScript().location())
			.isEqualTo("classpath:resolve/vendor/" + databaseType.vendor());
	}

	@Test
	void resolvesVendorToMysqlForMariadbWhenThereIsNoMariadbLocation() {
		List<ResolvedMigration> migrations = resolver(List.of("classpath:resolve/vendor-mysql-only/{vendor}"),
				DatabaseType.MARIADB)
			.resolve();
		assertThat(migrations).extracting(ResolvedMigration::description).containsExactly("mysql only");
		assertThat(migrations.get(0).upScript().location()).isEqualTo("classpath:resolve/vendor-mysql-only/mysql");
	}

	@Test
	void resolvesVendorInAFilesystemLocation() {
		writeScripts(this.directory, "common/V1__common.sql", "h2/V2__h2.sql", "postgresql/V2__postgresql.sql");
		List<ResolvedMigration> migrations = resolver(
				List.of("filesystem:" + this.directory + "/common", "filesystem:" + this.directory + "/{vendor}"),
				DatabaseType.H2)
			.resolve();
		assertThat(migrations).extracting(ResolvedMigration::description).containsExactly("common", "h2");
	}

	@Test
	void warnsAboutALocationFoundNowhere() {
		Logger logger = (Logger) LoggerFactory.getLogger(ScriptFinder.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			List<ResolvedMigration> migrations = resolver(
					List.of("classpath:resolve/missing", "resolve/extra", "filesystem:" + this.directory + "/missing",
							"classpath:resolve/missing/{vendor}"),
					DatabaseType.MARIADB)
				.resolve();
			assertThat(scripts(migrations)).containsExactly("V3__extra.sql");
		}
		finally {
			logger.detachAppender(appender);
		}
		assertThat(appender.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
			.containsExactly(tuple(Level.WARN, "No migrations found at classpath:resolve/missing"),
					tuple(Level.WARN, "No migrations found at filesystem:" + this.directory + "/missing"),
					tuple(Level.WARN, "No migrations found at classpath:resolve/missing/mariadb"
							+ " or classpath:resolve/missing/mysql"));
	}

	@Test
	void refusesAnUnsupportedPrefix() {
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> resolve("s3:bucket/db/migration"))
			.withMessage("Location 's3:bucket/db/migration' has an unsupported prefix:"
					+ " use classpath:bucket/db/migration or filesystem:bucket/db/migration");
	}

	private static List<String> scripts(List<ResolvedMigration> migrations) {
		return migrations.stream().map(ResolvedMigration::script).toList();
	}

	/** A jar with directory entries, as build tools write them, and one script per path. */
	private Path jar(String name, String... paths) throws IOException {
		Path jar = this.directory.resolve(name);
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream output = new JarOutputStream(file)) {
			Set<String> directories = new TreeSet<>();
			for (String path : paths) {
				for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
					directories.add(path.substring(0, slash + 1));
				}
			}
			for (String directoryEntry : directories) {
				output.putNextEntry(new JarEntry(directoryEntry));
				output.closeEntry();
			}
			for (String path : paths) {
				output.putNextEntry(new JarEntry(path));
				output.write(("SELECT '" + path + "';\n").getBytes(StandardCharsets.UTF_8));
				output.closeEntry();
			}
		}
		return jar;
	}

	/** Finds one resource name at one URL, as a class loader of an unusual packaging would. */
	private static final class SingleResourceClassLoader extends ClassLoader {

		private final String name;

		private final URL url;

		SingleResourceClassLoader(String name, URL url) {
			super(null);
			this.name = name;
			this.url = url;
		}

		@Override
		public Enumeration<URL> getResources(String name) {
			return Collections.enumeration(this.name.equals(name) ? List.of(this.url) : List.<URL>of());
		}

	}

	/** Opens every URL as the same entry of the same jar, whatever the URL says. */
	private static final class FixedJarHandler extends URLStreamHandler {

		private final JarFile jar;

		private final String entryName;

		FixedJarHandler(JarFile jar, String entryName) {
			this.jar = jar;
			this.entryName = entryName;
		}

		@Override
		protected URLConnection openConnection(URL url) throws IOException {
			return new JarURLConnection(url) {

				@Override
				public JarFile getJarFile() {
					return FixedJarHandler.this.jar;
				}

				@Override
				public String getEntryName() {
					return FixedJarHandler.this.entryName;
				}

				@Override
				public void connect() {
				}

			};
		}

	}

}
