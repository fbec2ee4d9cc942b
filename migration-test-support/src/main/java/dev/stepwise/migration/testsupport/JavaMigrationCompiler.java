package dev.stepwise.migration.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a Java migration in the default package against the test's class path, as a
 * project would before handing its classes to the command line or the Maven plugin.
 */
public final class JavaMigrationCompiler {

	private JavaMigrationCompiler() {
	}

	/**
	 * Writes the source under {@code folder/src} and compiles it into {@code folder/classes}.
	 * @param folder the project folder
	 * @param className the class, in the default package
	 * @param source its source
	 * @return the classes folder
	 * @throws IllegalStateException if javac fails
	 */
	public static Path compile(Path folder, String className, String source) throws IOException {
		Path sources = Files.createDirectories(folder.resolve("src"));
		Path classes = Files.createDirectories(folder.resolve("classes"));
		Path file = sources.resolve(className + ".java");
		Files.writeString(file, source, StandardCharsets.UTF_8);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int result = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
				classes.toString(), file.toString());
		if (result != 0) {
			throw new IllegalStateException("javac of " + className + " failed: " + result);
		}
		return classes;
	}

}
