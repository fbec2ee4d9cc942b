package dev.stepwise.migration.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON the command prints is JSON: a real parser reads back what it wrote.
 */
class JsonTest {

	@Test
	void aParserReadsBackTextNumbersNullsAndNesting() throws Exception {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 é");
		value.put("number", 42L);
		value.put("none", null);
		value.put("list", Arrays.asList(1, "two", null, List.of(), Map.of()));
		JsonNode parsed = new ObjectMapper().readTree(Json.write(value));
		assertThat(parsed.get("text").asText()).isEqualTo(value.get("text"));
		assertThat(parsed.get("number").asLong()).isEqualTo(42);
		assertThat(parsed.get("none").isNull()).isTrue();
		assertThat(parsed.get("list")).hasSize(5);
		assertThat(parsed.get("list").get(1).asText()).isEqualTo("two");
	}

}
