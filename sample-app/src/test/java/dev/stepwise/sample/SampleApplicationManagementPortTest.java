package dev.stepwise.sample;

import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrationState;
import dev.stepwise.migration.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Actuator on a port of its own ({@code management.server.port}), a write's body is
 * checked as it is on the application's port: Actuator then runs in a child context with
 * its own server, which filters of the application's context do not reach.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.security.user.password=secret",
				"spring.main.banner-mode=off" })
class SampleApplicationManagementPortTest {

	@LocalManagementPort
	int managementPort;

	@Autowired
	Stepwise stepwise;

	@Test
	void checksWriteBodiesOnTheManagementPortAndRollsNothingBack() {
		post("/actuator/migrations/migrate", "{\"operation\": \"rollback\", \"count\": 1}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value(String.class, (message) -> assertThat(message).contains("\"operation\"").contains("nothing was changed"));
		post("/actuator/migrations/rollback", "{\"count\": 1,").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value(String.class, (message) -> assertThat(message).contains("not valid JSON"));
		post("/actuator/migrations/rollback", "{\"target\": \"" + "x".repeat(20 * 1024) + "\"}").expectStatus()
			.isEqualTo(413);
		assertThat(this.stepwise.info().currentVersion()).isEqualTo(MigrationVersion.parse("6"));
		assertThat(this.stepwise.info().migrations()).allSatisfy((migration) -> {
			assertThat(migration.state()).isEqualTo(MigrationState.APPLIED);
			assertThat(migration.rolledBackOn()).isNull();
		});
	}

	private ResponseSpec post(String path, String json) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.build()
			.post()
			.uri(path)
			.headers((headers) -> headers.setBasicAuth("admin", "secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

}
