package dev.stepwise.migration.jpa;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.jpa.naming.OrderLine;
import dev.stepwise.migration.jpa.wide.Address;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Finding the managed classes: in named packages, or, with none, in the class directories of
 * the project's class loader (what the command line builds from --class-path target/classes).
 */
class EntityScannerTest {

	@Test
	void withoutPackagesEveryClassDirectoryIsScanned() throws Exception {
		URL classes = Path.of(OrderLine.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
		try (URLClassLoader project = new URLClassLoader(new URL[] { classes }, getClass().getClassLoader())) {
			List<Class<?>> found = EntityScanner.scan(project, List.of());
			assertThat(found).extracting(Class::getName)
				.contains(OrderLine.class.getName(), OrderLine.ProductTag.class.getName(), Address.class.getName())
				.doesNotContain(EntityScannerTest.class.getName());
		}
	}

	@Test
	void aPackageWithoutEntitiesIsRefusedNamingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> EntitySchemaSource.scan(getClass().getClassLoader(), List.of("no.such.pkg"), Map.of()))
			.withMessageContaining("[no.such.pkg]")
			.withMessageContaining("--entity-package");
	}

}
