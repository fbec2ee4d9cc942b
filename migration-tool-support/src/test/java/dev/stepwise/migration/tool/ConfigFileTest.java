package dev.stepwise.migration.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings from a {@code .properties} file or a Spring Boot application.yml with profiles.
 */
class ConfigFileTest {

	private static final ToolWording WORDING = new ToolWording("the tool", "Check the file.", "Add a driver.",
			"Build first.", "Add a dependency.", IllegalArgumentException::new);

	@TempDir
	Path directory;

	@Test
	void anApplicationYmlAppliesTheDocumentsAndFilesOfTheActiveProfiles() throws IOException {
		Path yml = this.directory.resolve("application.yml");
		Files.writeString(yml, """
				stepwise:
				  table: base_history
				  locations:
				    - classpath:db/migration
				    - classpath:db/{vendor}
				---
				spring.config.activate.on-profile: prod
				stepwise.table: prod_history
				---
				spring.config.activate.on-profile: "!prod"
				stepwise.schema: dev
				""");
		Files.writeString(this.directory.resolve("application-prod.yml"), "stepwise:\n  url: jdbc:prod\n");

		Map<String, String> prod = ConfigFile.read(yml, List.of("prod"), WORDING);
		assertThat(prod).containsEntry("stepwise.table", "prod_history")
			.containsEntry("stepwise.url", "jdbc:prod")
			.containsEntry("stepwise.locations", "classpath:db/migration,classpath:db/{vendor}")
			.doesNotContainKey("stepwise.schema");

		Map<String, String> none = ConfigFile.read(yml, List.of(), WORDING);
		assertThat(none).containsEntry("stepwise.table", "base_history")
			.containsEntry("stepwise.schema", "dev")
			.doesNotContainKey("stepwise.url");
	}

	@Test
	void aMissingFileIsAUsageProblemWithTheToolsAdvice() {
		assertThatThrownBy(() -> ConfigFile.read(this.directory.resolve("absent.yml"), List.of(), WORDING))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageEndingWith("does not exist. Check the file.");
	}

}
