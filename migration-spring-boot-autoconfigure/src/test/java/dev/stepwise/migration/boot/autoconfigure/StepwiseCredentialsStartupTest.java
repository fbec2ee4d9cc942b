package dev.stepwise.migration.boot.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistyped {@code stepwise.url} that carries a password, in each driver's forms, fails
 * the start-up with a report, a stack trace and a console output that never show the
 * password.
 */
@ExtendWith(OutputCaptureExtension.class)
class StepwiseCredentialsStartupTest {

	private static final String SECRET = "S3cr3tPa55w0rd";

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:postgresql://postgres:" + SECRET + "@127.0.0.1:5432/postgres",
			"jdbc:postgres://127.0.0.1:5432/postgres?user=postgres&password=" + SECRET,
			"jdbc:mariadb://root:" + SECRET + "@127.0.0.1:3306/test",
			"jdbc:mysql://127.0.0.1:3306/test?user=root&password=" + SECRET,
			"jdbc:h2x:mem:startup;USER=sa;PASSWORD=" + SECRET })
	void aMistypedUrlWithAPasswordFailsTheStartUpWithoutShowingIt(String url, CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class))
			.withPropertyValues("stepwise.url=" + url)
			.run((context) -> {
				Throwable failure = context.getStartupFailure();
				assertThat(failure).isNotNull();
				FailureAnalysis analysis = new StepwiseFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Could not connect").doesNotContain(SECRET);
				assertThat(analysis.getAction()).doesNotContain(SECRET);
				StringWriter trace = new StringWriter();
				failure.printStackTrace(new PrintWriter(trace));
				assertThat(trace.toString()).doesNotContain(SECRET);
			});
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

}
