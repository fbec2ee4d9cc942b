package dev.stepwise.migration.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class on a fresh database of the given type, dropped after the class: the
 * one line that makes the per-database subclass of an abstract test.
 * <pre>
 * &#64;OnDatabase(TestDatabaseType.POSTGRESQL)
 * class LockingContractPostgresTest extends AbstractLockingContractTest {
 * }
 * </pre>
 * The test's lifecycle methods and tests receive the {@link TestDatabase} as a parameter,
 * typically once in the abstract class's {@code @BeforeEach}. It registers the
 * {@link TestDatabaseExtension}, which reads the type from here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestDatabaseExtension.class)
public @interface OnDatabase {

	/** The database the class runs on. */
	TestDatabaseType value();

}
