package dev.stepwise.migration;

import java.sql.Driver;
import java.util.List;

import dev.stepwise.migration.testsupport.OnDatabase;
import dev.stepwise.migration.testsupport.TestDatabaseType;

@OnDatabase(TestDatabaseType.H2)
class CredentialMaskingH2Test extends AbstractCredentialMaskingTest {

	@Override
	List<String> badUrls() {
		return List.of("jdbc:h2:mem:masking;USER=sa;PASSWORD=" + SECRET + ";NO_SUCH_SETTING=1",
				"jdbc:h2:mem:masking;PASSWORD=" + SECRET + ";MODE",
				"jdbc:h2:tcp://127.0.0.1:1/masking;password=" + SECRET,
				"jdbc:h2:mem:masking;IFEXISTS=TRUE;password=" + SECRET,
				"jdbc:h2x:mem:masking;password=" + SECRET);
	}

	@Override
	String urlRefusingPassword() {
		return "jdbc:h2:mem:masking_apart;IFEXISTS=TRUE";
	}

	@Override
	Driver driver() {
		return new org.h2.Driver();
	}

}
