package dev.stepwise.migration.boot.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Spring Boot the engine lists through Spring's resource resolver the {@code classpath:}
 * scripts that are in no directory or jar (as in a native image): here scripts that exist only
 * in memory, behind a URL no scanner knows.
 */
class SpringResourceScriptSourceTest {

	@Test
	void migratesScriptsThatOnlySpringsResolverCanList() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StepwiseAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true", "stepwise.locations=classpath:db/memory")
			.withInitializer((context) -> ((GenericApplicationContext) context).setResourceLoader(new InMemoryScripts()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Stepwise stepwise = context.getBean(Stepwise.class);
				assertThat(stepwise.info().migrations()).extracting((info) -> info.script())
					.containsExactly("V1__create_notes.sql", "2026/V2__add_note.sql");
				assertThat(stepwise.info().migrations()).extracting((info) -> info.state())
					.containsOnly(MigrationState.APPLIED);
				assertThat(JdbcClient.create(context.getBean(javax.sql.DataSource.class))
					.sql("SELECT text FROM notes")
					.query(String.class)
					.single()).isEqualTo("from memory");
			});
	}

	/** A resolver whose scripts have {@code memory:} URLs, as a native image's have {@code resource:} ones. */
	static final class InMemoryScripts extends DefaultResourceLoader implements ResourcePatternResolver {

		@Override
		public Resource[] getResources(String locationPattern) {
			if (!locationPattern.equals("classpath*:db/memory/**/*.sql")) {
				return new Resource[0];
			}
			return new Resource[] { script("2026/V2__add_note.sql", "INSERT INTO notes (text) VALUES ('from memory');"),
					script("V1__create_notes.sql", "CREATE TABLE notes (text VARCHAR(100));") };
		}

		private static Resource script(String path, String sql) {
			return new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8)) {

				@Override
				public URL getURL() throws IOException {
					return new URL("memory", null, -1, "/db/memory/" + path, new NoConnections());
				}

				@Override
				public String getFilename() {
					return path.substring(path.lastIndexOf('/') + 1);
				}

			};
		}

	}

	static final class NoConnections extends URLStreamHandler {

		@Override
		protected URLConnection openConnection(URL url) throws IOException {
			throw new IOException("Not a real URL: " + url);
		}

	}

}
