package dev.stepwise.migration;

import java.sql.Driver;
import java.util.List;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.POSTGRESQL)
class CredentialMaskingPostgresTest extends AbstractCredentialMaskingTest {

	@Override
	List<String> badUrls() {
		String server = hostAndPort();
		return List.of("jdbc:postgresql://" + server + "/no_such_db?user=postgres&password=" + SECRET,
				"jdbc:postgresql://" + server + "/postgres?user=postgres&password=" + SECRET + "&sslmode=bogus",
				"jdbc:postgresql://postgres:" + SECRET + "@" + server + "/postgres",
				"jdbc:postgres://" + server + "/postgres?user=postgres&password=" + SECRET,
				"jdbc:postgresql://" + server + "/postgres?user=postgres&sslpassword=" + SECRET + "&sslmode=bogus");
	}

	@Override
	String urlRefusingPassword() {
		return "jdbc:postgresql://" + hostAndPort() + "/no_such_db?user=postgres";
	}

	@Override
	Driver driver() {
		return new org.postgresql.Driver();
	}

}
