package dev.stepwise.migration.testsupport;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Gives a test class a fresh database of its own and drops it afterwards. Either declare
 * the database on the class with {@link OnDatabase} (which registers this extension) and
 * take the {@link TestDatabase} as a parameter of a lifecycle method or test, or register it
 * as a static field:
 * <pre>
 * &#64;RegisterExtension
 * static final TestDatabaseExtension database = new TestDatabaseExtension(TestDatabaseType.POSTGRESQL);
 * </pre>
 * JUnit makes one instance per test class either way, so the instance holds the class's
 * database.
 */
public final class TestDatabaseExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

	private @Nullable TestDatabaseType type;

	private @Nullable TestDatabase database;

	private @Nullable String unavailable;

	/** The database named by the test class's {@link OnDatabase}. */
	public TestDatabaseExtension() {
	}

	public TestDatabaseExtension(TestDatabaseType type) {
		this.type = type;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.type == null) {
			this.type = declaredType(context.getRequiredTestClass());
		}
		try {
			this.database = TestDatabase.create(this.type);
		}
		catch (TestAbortedException ex) {
			// Skip each test rather than the class, so the report counts them as skipped.
			this.unavailable = ex.getMessage();
		}
	}

	private static TestDatabaseType declaredType(Class<?> testClass) {
		OnDatabase declared = testClass.getAnnotation(OnDatabase.class);
		if (declared == null) {
			throw new ExtensionConfigurationException(testClass.getName()
					+ " registers the TestDatabaseExtension without a type: annotate it with @OnDatabase");
		}
		return declared.value();
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

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == TestDatabase.class;
	}

	@Override
	public TestDatabase resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return database();
	}

	public TestDatabaseType type() {
		if (this.type == null) {
			throw new IllegalStateException("The type of an @OnDatabase test is known once its class runs");
		}
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
