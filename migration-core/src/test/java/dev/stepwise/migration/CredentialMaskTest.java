package dev.stepwise.migration;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Properties;

import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.api.StepwiseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each form in which a credential reaches a text is masked, and nothing else is.
 */
class CredentialMaskTest {

	@Test
	void masksTheValueOfEveryCredentialKey() {
		Properties properties = new Properties();
		properties.setProperty("user", "app");
		properties.setProperty("password", "hunter22");
		assertThat(CredentialMask.mask(properties.toString())).contains("user=app").doesNotContain("hunter22");
		assertThat(CredentialMask.mask("jdbc:postgresql://db/app?user=app&password=hunter22&sslpassword=k3y5tore"))
			.isEqualTo("jdbc:postgresql://db/app?user=app&password=****&sslpassword=****");
		assertThat(CredentialMask.mask("jdbc:h2:file:./app;USER=sa;PASSWORD=hunter22;MODE=PostgreSQL"))
			.isEqualTo("jdbc:h2:file:./app;USER=sa;PASSWORD=****;MODE=PostgreSQL");
		assertThat(CredentialMask.mask("jdbc:mariadb://address=(host=db)(port=3306)(password=hunter22)/app"))
			.isEqualTo("jdbc:mariadb://address=(host=db)(port=3306)(password=****)/app");
		assertThat(CredentialMask.mask("{\"apiKey\": \"abc123\", \"token\":\"t0ken\"}")).doesNotContain("abc123", "t0ken");
	}

	@Test
	void masksThePasswordOfUserInfoAndOfSqlLiterals() {
		assertThat(CredentialMask.mask("jdbc:postgresql://app:hunter22@db:5432/app"))
			.isEqualTo("jdbc:postgresql://app:****@db:5432/app");
		assertThat(CredentialMask.mask("ALTER ROLE app WITH PASSWORD 'hunter22'; CREATE USER b IDENTIFIED BY 'x''y'"))
			.isEqualTo("ALTER ROLE app WITH PASSWORD '****'; CREATE USER b IDENTIFIED BY '****'");
	}

	@Test
	void leavesTextWithoutCredentialsAlone() {
		String refused = "Access denied for user 'root'@'localhost' (using password: YES)";
		assertThat(CredentialMask.mask(refused)).isEqualTo(refused);
		assertThat(CredentialMask.mask("Unexpected token: END")).isEqualTo("Unexpected token: END");
		String plain = "Column \"NAM\" not found; SQL statement: SELECT nam FROM users [42122-240]";
		assertThat(CredentialMask.mask(plain)).isEqualTo(plain);
	}

	@Test
	void masksAKnownSecretWhereverADriverQuotesIt() {
		assertThat(CredentialMask.secretsIn("jdbc:mariadb://root:hunter22@db:3306/app")).containsExactly("hunter22");
		assertThat(CredentialMask.mask("Incorrect port value : hunter22@db", List.of("hunter22")))
			.isEqualTo("Incorrect port value : ****@db");
	}

	@Test
	void masksEveryLinkOfAChainKeepingSqlStateAndClass() {
		SQLException next = new SQLException("password=n3xtS3cret");
		SQLTransientConnectionException driver = new SQLTransientConnectionException(
				"No suitable driver found for jdbc:x://h/db?password=hunter22", "08001", 7);
		driver.setNextException(next);
		Throwable masked = CredentialMask.masked(new IllegalStateException("wrapped", driver));
		assertThat(masked).isInstanceOf(IllegalStateException.class).hasMessage("wrapped");
		assertThat(masked.getCause()).isInstanceOf(SQLTransientConnectionException.class)
			.hasMessage("No suitable driver found for jdbc:x://h/db?password=****");
		SQLException maskedDriver = (SQLException) masked.getCause();
		assertThat(maskedDriver.getSQLState()).isEqualTo("08001");
		assertThat(maskedDriver.getErrorCode()).isEqualTo(7);
		assertThat(maskedDriver.getStackTrace()).isEqualTo(driver.getStackTrace());
		assertThat((Throwable) maskedDriver.getNextException()).hasMessage("password=****");
		SQLException clean = new SQLException("Table not found");
		assertThat(CredentialMask.masked(clean)).isSameAs(clean);
	}

	@Test
	void everyEngineExceptionIsMaskedWhenBuilt() {
		StepwiseException failure = new StepwiseException("Could not connect to jdbc:h2:mem:x;PASSWORD=hunter22",
				new SQLException("URL format error: jdbc:h2:mem:x;PASSWORD=hunter22"));
		assertThat(failure.getMessage()).doesNotContain("hunter22");
		assertThat(failure.getCause().getMessage()).doesNotContain("hunter22");
	}

}
