package dev.stepwise.migration.internal.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.java.BaseJavaMigration;
import dev.stepwise.migration.java.JavaMigration;
import dev.stepwise.migration.java.MigrationContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.stepwise.migration.internal.resolve.TestScripts.resolve;
import static dev.stepwise.migration.internal.resolve.TestScripts.write;
import static dev.stepwise.migration.internal.resolve.TestScripts.writeScripts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class MigrationResolverTest {

	@TempDir
	Path directory;

	@Test
	void resolvesAClasspathDirectoryWithItsSubdirectories() {
		List<ResolvedMigration> migrations = resolve("classpath:resolve/basic");
		assertThat(migrations)
			.extracting((migration) -> String.valueOf(migration.version()), ResolvedMigration::description,
					ResolvedMigration::type, ResolvedMigration::script, ResolvedMigration::downScriptName)
			.containsExactly(
					tuple("1", "create users", MigrationType.SQL, "V1__create_users.sql", "U1__create_users.sql"),
					tuple("1.1", "add email", MigrationType.SQL, "V1.1__add_email.sql", null),
					tuple("2", "add orders", MigrationType.SQL, "2026/V2__add_orders.sql", null),
					tuple("2.1", "index orders", MigrationType.SQL, "2026/nested/V2.1__index_orders.sql", null),
					tuple("null", "users view", MigrationType.SQL, "R__users_view.sql", null));
		assertThat(migrations).extracting((migration) -> migration.upScript().location())
			.containsOnly("classpath:resolve/basic");
	}

	@Test
	void checksumsEachUpScriptAsAnIndependentCrc32OfItsLines() throws IOException {
		List<ResolvedMigration> migrations = resolve("classpath:resolve/basic");
		for (ResolvedMigration migration : migrations) {
			String text = classpathText("resolve/basic/" + migration.script());
			CRC32 crc32 = new CRC32();
			crc32.update(text.replace("\n", "").getBytes(StandardCharsets.UTF_8));
			assertThat(migration.checksum()).as(migration.script()).isEqualTo((int) crc32.getValue());
		}
	}

	@Test
	void readsScriptsAsTheyAre() throws IOException {
		ResolvedMigration first = resolve("classpath:resolve/basic").get(0);
		assertThat(first.upScript().read(StandardCharsets.UTF_8))
			.isEqualTo(classpathText("resolve/basic/V1__create_users.sql"));
		assertThat(first.downScript().read(StandardCharsets.UTF_8)).isEqualTo("DROP TABLE users;\n");
	}

	@Test
	void ordersVersionsNumericallyThenRepeatablesByDescription() {
		writeScripts(this.directory, "V10__j.sql", "R__b.sql", "V1.10__d.sql", "V2__e.sql", "V1_2__c.sql", "R__a.sql",
				"V1__a.sql", "V1.1__b.sql");
		assertThat(resolve(this.directory)).extracting(ResolvedMigration::script)
			.containsExactly("V1__a.sql", "V1.1__b.sql", "V1_2__c.sql", "V1.10__d.sql", "V2__e.sql", "V10__j.sql",
					"R__a.sql", "R__b.sql");
	}

	@Test
	void readsVersionAndDescriptionFromTheName() {
		writeScripts(this.directory, "V2026_11_28_1__Add_email_to_users.sql", "R__refresh_users_view.sql");
		List<ResolvedMigration> migrations = resolve(this.directory);
		assertThat(migrations.get(0).version()).isEqualTo(MigrationVersion.parse("2026.11.28.1"));
		assertThat(migrations.get(0).description()).isEqualTo("Add email to users");
		assertThat(migrations.get(0).repeatable()).isFalse();
		assertThat(migrations.get(1).version()).isNull();
		assertThat(migrations.get(1).description()).isEqualTo("refresh users view");
		assertThat(migrations.get(1).repeatable()).isTrue();
	}

	@Test
	void pairsAnUpScriptWithTheDownScriptOfTheSameVersion() {
		writeScripts(this.directory, "V1__a.sql", "V1.1__b.sql", "undo/U1_1__b.sql", "V2__c.sql");
		List<ResolvedMigration> migrations = resolve(this.directory);
		assertThat(migrations).extracting(ResolvedMigration::undoable).containsExactly(false, true, false);
		assertThat(migrations.get(1).downScript().path()).isEqualTo("undo/U1_1__b.sql");
		assertThat(migrations.get(1).downScriptName()).isEqualTo("undo/U1_1__b.sql");
	}

	@Test
	void givesTheSameChecksumToAScriptWithCrlfOrLfLineEndings(@TempDir Path other) {
		write(this.directory, "V1__a.sql", "CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n");
		write(other, "V1__a.sql", "CREATE TABLE a (id INT);\r\nINSERT INTO a VALUES (1);\r\n");
		assertThat(resolve(this.directory).get(0).checksum()).isEqualTo(resolve(other).get(0).checksum())
			.isEqualTo(Checksums.crc32("CREATE TABLE a (id INT);INSERT INTO a VALUES (1);"));
	}

	@Test
	void ignoresAByteOrderMarkInChecksumAndText(@TempDir Path other) throws IOException {
		write(this.directory, "V1__a.sql", "SELECT 1;\n");
		Files.write(other.resolve("V1__a.sql"), new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'S', 'E', 'L', 'E',
				'C', 'T', ' ', '1', ';', '\n' });
		ResolvedMigration withBom = resolve(other).get(0);
		assertThat(withBom.checksum()).isEqualTo(resolve(this.directory).get(0).checksum());
		assertThat(withBom.upScript().read(StandardCharsets.UTF_8)).isEqualTo("SELECT 1;\n");
	}

	@Test
	void readsScriptsInTheConfiguredEncoding() throws IOException {
		Files.write(this.directory.resolve("V1__café.sql"), "SELECT 'café';".getBytes(StandardCharsets.ISO_8859_1));
		List<ResolvedMigration> migrations = new MigrationResolver(List.of("filesystem:" + this.directory),
				getClass().getClassLoader(), StandardCharsets.ISO_8859_1, DatabaseType.H2,
				List.of())
			.resolve();
		assertThat(migrations.get(0).upScript().read(StandardCharsets.ISO_8859_1)).isEqualTo("SELECT 'café';");
		assertThat(migrations.get(0).checksum()).isEqualTo(Checksums.crc32("SELECT 'café';"));
	}

	@Test
	void failsOnAScriptThatIsNotValidInTheConfiguredEncoding() throws IOException {
		Files.write(this.directory.resolve("V1__a.sql"), "SELECT 'café';".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> resolve(this.directory))
			.withMessage(this.directory + "/V1__a.sql is not valid UTF-8: save it as UTF-8, or set the encoding of"
					+ " scripts with encoding(...) (Spring Boot: stepwise.encoding)");
	}

	@Test
	void resolvesJavaMigrationsAmongScripts() {
		writeScripts(this.directory, "V1__a.sql", "V3__c.sql", "R__r.sql");
		List<ResolvedMigration> migrations = resolve(this.directory, new V2__Seed_users(), new Checksummed());
		assertThat(migrations).extracting((migration) -> String.valueOf(migration.version()),
				ResolvedMigration::description, ResolvedMigration::type, ResolvedMigration::script,
				ResolvedMigration::checksum, ResolvedMigration::undoable, ResolvedMigration::downScriptName)
			.containsExactly(
					tuple("1", "a", MigrationType.SQL, "V1__a.sql", checksumOf("V1__a.sql"), false, null),
					tuple("2", "Seed users", MigrationType.JAVA, V2__Seed_users.class.getName(), null, true,
							V2__Seed_users.class.getName() + ".down"),
					tuple("3", "c", MigrationType.SQL, "V3__c.sql", checksumOf("V3__c.sql"), false, null),
					tuple("4", "checksummed", MigrationType.JAVA, Checksummed.class.getName(), 42, false, null),
					tuple("null", "r", MigrationType.SQL, "R__r.sql", checksumOf("R__r.sql"), false, null));
		assertThat(migrations.get(1).javaMigration()).isInstanceOf(V2__Seed_users.class);
		assertThat(migrations.get(1).upScript()).isNull();
	}

	@Test
	void resolvesNothingFromAnEmptyLocation() {
		assertThat(resolve(this.directory)).isEmpty();
	}

	private static int checksumOf(String scriptWrittenByTestScripts) {
		return Checksums.crc32("SELECT '" + scriptWrittenByTestScripts + "';");
	}

	private static String classpathText(String name) throws IOException {
		try (InputStream input = MigrationResolverTest.class.getClassLoader().getResourceAsStream(name)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static class V2__Seed_users extends BaseJavaMigration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public void down(MigrationContext context) {
		}

	}

	static class Checksummed implements JavaMigration {

		@Override
		public MigrationVersion version() {
			return MigrationVersion.parse("4");
		}

		@Override
		public String description() {
			return "checksummed";
		}

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public @Nullable Integer checksum() {
			return 42;
		}

	}

}
