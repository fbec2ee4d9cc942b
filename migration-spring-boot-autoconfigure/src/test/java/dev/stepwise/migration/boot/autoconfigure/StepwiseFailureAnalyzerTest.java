package dev.stepwise.migration.boot.autoconfigure;

import java.sql.SQLException;
import java.util.List;

import dev.stepwise.migration.api.LockTimeoutException;
import dev.stepwise.migration.api.MigrationFailedException;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up failures become reports that say what failed, where, and what to do.
 */
class StepwiseFailureAnalyzerTest {

	private final StepwiseFailureAnalyzer analyzer = new StepwiseFailureAnalyzer();

	@Test
	void failedMigrationNamesTheScriptTheCauseAndTheFix() {
		MigrationFailedException failure = new MigrationFailedException("Statement 2 failed", MigrationVersion.parse("3"),
				"db/migration/V3__add_index.sql", new SQLException("Column \"NAM\" not found"));
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).contains("version 3", "db/migration/V3__add_index.sql",
				"Statement 2 failed", "Column \"NAM\" not found");
		assertThat(analysis.getAction()).contains("Fix db/migration/V3__add_index.sql", "repair()");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

	@Test
	void validationFailureListsTheProblems() {
		FailureAnalysis analysis = analyze(new MigrationValidationException(
				List.of("V2__b.sql was changed after it was applied: restore it", "V1__a.sql is missing")));
		assertThat(analysis.getDescription()).contains("V2__b.sql was changed", "V1__a.sql is missing");
		assertThat(analysis.getAction()).contains("stepwise.validate-on-migrate");
	}

	@Test
	void lockTimeoutNamesTheProperty() {
		FailureAnalysis analysis = analyze(new LockTimeoutException("Lock held by pid 42 on host a"));
		assertThat(analysis.getDescription()).contains("Lock held by pid 42");
		assertThat(analysis.getAction()).contains("stepwise.lock-wait-timeout");
	}

	@Test
	void anyOtherFailureSaysHowToStartWithoutMigrating() {
		FailureAnalysis analysis = analyze(new StepwiseException("No migrations found in classpath:db/migration"));
		assertThat(analysis.getDescription()).contains("No migrations found");
		assertThat(analysis.getAction()).contains("stepwise.enabled=false");
	}

	private FailureAnalysis analyze(StepwiseException failure) {
		// At start-up the engine's exception arrives wrapped in the initializer's bean creation failure.
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("stepwiseMigrationInitializer", "Init method failed", failure));
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
