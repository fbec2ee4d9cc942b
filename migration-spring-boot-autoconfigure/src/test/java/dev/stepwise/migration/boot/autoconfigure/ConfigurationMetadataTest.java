package dev.stepwise.migration.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs complete from, as the build generates it: every
 * property described, every default given, the health switch declared, values hinted.
 */
class ConfigurationMetadataTest {

	/** Properties whose default depends on the database or that have none, as their descriptions say. */
	// None means the connection's own schema, the latest version, no init SQL: no value to show.
	private static final Set<String> WITHOUT_DEFAULT = Set.of("stepwise.schema", "stepwise.installed-by",
			"stepwise.url", "stepwise.user", "stepwise.password", "stepwise.placeholders", "stepwise.default-schema",
			"stepwise.target", "stepwise.init-sqls", "stepwise.schemas");

	private final Object metadata = read();

	@Test
	void describesEveryProperty() {
		List<Map<String, Object>> properties = properties();
		assertThat(properties).hasSizeGreaterThan(20);
		assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description"))
			.as("description of %s", property.get("name"))
			.isNotBlank());
	}

	@Test
	void givesEveryDefault() {
		assertThat(properties()).filteredOn((property) -> ((String) property.get("name")).startsWith("stepwise."))
			.filteredOn((property) -> !WITHOUT_DEFAULT.contains(property.get("name")))
			.allSatisfy((property) -> assertThat(property.get("defaultValue")).as("default of %s", property.get("name"))
				.isNotNull());
		assertThat(property("stepwise.lock-wait-timeout").get("defaultValue")).isEqualTo("60s");
		assertThat(property("stepwise.locations").get("defaultValue")).isEqualTo(List.of("classpath:db/migration"));
	}

	@Test
	void declaresTheHealthSwitch() {
		Map<String, Object> health = property("management.health.migrations.enabled");
		assertThat(health).containsEntry("type", "java.lang.Boolean").containsEntry("defaultValue", true);
		assertThat((String) health.get("description")).isNotBlank();
	}

	@Test
	void hintsTheValuesOfLocationsAndEncoding() {
		List<String> locations = JsonPath.read(this.metadata, "$.hints[?(@.name == 'stepwise.locations')].values[*].value");
		assertThat(locations).contains("classpath:db/migration", "classpath:db/migration/{vendor}", "filesystem:");
		List<String> encodings = JsonPath.read(this.metadata, "$.hints[?(@.name == 'stepwise.encoding')].values[*].value");
		assertThat(encodings).contains("UTF-8");
	}

	private List<Map<String, Object>> properties() {
		return JsonPath.read(this.metadata, "$.properties[*]");
	}

	private Map<String, Object> property(String name) {
		List<Map<String, Object>> found = JsonPath.read(this.metadata, "$.properties[?(@.name == '" + name + "')]");
		assertThat(found).as(name).hasSize(1);
		return found.get(0);
	}

	private static Object read() {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonPath.parse(json).json();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The build did not generate configuration metadata", ex);
		}
	}

}
