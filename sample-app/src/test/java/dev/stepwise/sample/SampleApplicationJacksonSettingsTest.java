package dev.stepwise.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The application's Jackson settings (here snake_case names) do not change the endpoint's
 * JSON, which monitoring scripts depend on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jackson.property-naming-strategy=SNAKE_CASE", "stepwise.rollback.enabled=true",
				"spring.security.user.password=secret", "spring.main.banner-mode=off" })
@AutoConfigureRestTestClient
class SampleApplicationJacksonSettingsTest {

	@Autowired
	RestTestClient client;

	@Test
	void readKeepsItsNames() {
		this.client.get()
			.uri("/actuator/migrations")
			.headers((headers) -> headers.setBasicAuth("admin", "secret"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.engines.stepwise.currentVersion")
			.isEqualTo("6")
			.jsonPath("$.engines.stepwise.migrations[0].installedRank")
			.isEqualTo(1);
	}

	@Test
	void writeAndErrorKeepTheirNames() {
		this.client.post()
			.uri("/actuator/migrations/rollback")
			.headers((headers) -> headers.setBasicAuth("admin", "secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("count", 1, "dryRun", true))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.initialVersion")
			.isEqualTo("6")
			.jsonPath("$.totalTimeMillis")
			.exists();
		this.client.post()
			.uri("/actuator/migrations/rollback")
			.headers((headers) -> headers.setBasicAuth("admin", "secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("count", 0))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.exists();
	}

}
