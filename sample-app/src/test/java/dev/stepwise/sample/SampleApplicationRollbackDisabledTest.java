package dev.stepwise.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code stepwise.rollback.enabled=false} the endpoint still reads, but refuses to
 * change anything (rollback, migrate, contract), and says which property to set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "stepwise.rollback.enabled=false", "spring.security.user.password=secret",
				"spring.main.banner-mode=off" })
@AutoConfigureRestTestClient
class SampleApplicationRollbackDisabledTest {

	@Autowired
	RestTestClient client;

	@Test
	void refusesRollbackMigrateAndContract() {
		for (String operation : new String[] { "rollback", "migrate", "contract" }) {
			this.client.post()
				.uri("/actuator/migrations/" + operation)
				.headers((headers) -> headers.setBasicAuth("admin", "secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("count", 1))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.message")
				.value(String.class, (message) -> assertThat(message).contains("stepwise.rollback.enabled=true"));
		}
		this.client.get()
			.uri("/actuator/migrations")
			.headers((headers) -> headers.setBasicAuth("admin", "secret"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.engines.stepwise.currentVersion")
			.isEqualTo("6");
	}

}
