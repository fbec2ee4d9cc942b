package dev.stepwise.migration.testsupport;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Gives a test class a fresh database of its own and drops it afterwards. Register it as
 * a static field:
 * <pre>
 * &#64;RegisterExtension
 * static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);
 * </pre>
 */
public final class TestDatabaseExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private final TestDatabaseType type;

	private @Nullable TestDatabase database;

	private @Nullable String unavailable;

	public TestDatabaseExtension(TestDatabaseType type) {
		this.type = type;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		try {
			this.database = TestDatabase.create(this.type);
		}
		catch (TestAbortedException ex) {
			// Skip each test rather than the class, so the report counts them as skipped.
			this.unavailable = ex.getMessage();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Assumptions.assumeTrue(this.unavailable == null, this.unavailable);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

	public TestDatabaseType type() {
		return this.type;
	}

	public TestDatabase database() {
		Assumptions.assumeTrue(this.unavailable == null, this.unavailable);
		if (this.database == null) {
			throw new IllegalStateException("The test database exists only while the test class runs");
		}
		return this.database;
	}

	public DataSource dataSource() {
		return database().dataSource();
	}

}
