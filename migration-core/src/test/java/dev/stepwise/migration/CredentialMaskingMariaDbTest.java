package dev.stepwise.migration;

import java.sql.Driver;
import java.util.List;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.MARIADB)
class CredentialMaskingMariaDbTest extends AbstractCredentialMaskingTest {

	@Override
	List<String> badUrls() {
		String server = hostAndPort();
		String host = server.substring(0, server.indexOf(':'));
		String port = server.substring(server.indexOf(':') + 1);
		return List.of("jdbc:mariadb://" + server + "/no_such_db?user=root&password=" + SECRET,
				"jdbc:mariadb://" + server + "/test?user=root&password=" + SECRET + "&connectTimeout=abc",
				"jdbc:mariadb://address=(host=" + host + ")(port=" + port + ")(type=primary)/no_such_db?user=root&password="
						+ SECRET,
				"jdbc:mariadb://root:" + SECRET + "@" + server + "/no_such_db",
				"jdbc:mysql://" + server + "/test?user=root&password=" + SECRET);
	}

	@Override
	String urlRefusingPassword() {
		// root has no password: any given one is refused.
		return "jdbc:mariadb://" + hostAndPort() + "/test?user=root";
	}

	@Override
	Driver driver() {
		return new org.mariadb.jdbc.Driver();
	}

}
