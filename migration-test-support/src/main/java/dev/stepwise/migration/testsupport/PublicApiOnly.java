package dev.stepwise.migration.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps a module built on the engine (the starter, the command line, the Maven plugin, the
 * sample) on the engine's public API: nothing it ships may reach into
 * {@code dev.stepwise.migration.internal}, which may change in any release.
 */
public final class PublicApiOnly {

	private PublicApiOnly() {
	}

	/**
	 * Fails, naming each access, when a main (non-test) class in the given packages depends on
	 * an internal class of the engine. Fails as well when the packages hold no class, so that a
	 * misspelt package cannot pass.
	 * @param packages the module's root packages
	 */
	public static void check(String... packages) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(packages);
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("dev.stepwise.migration.internal..")
			.because("a module built on the engine uses only its public API")
			.check(classes);
	}

}
