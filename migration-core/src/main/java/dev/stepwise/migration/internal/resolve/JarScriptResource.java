package dev.stepwise.migration.internal.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import dev.stepwise.migration.api.StepwiseException;

/**
 * A script inside a jar on the class path, including a jar nested in a Spring Boot
 * executable jar.
 */
final class JarScriptResource extends LocatedScript {

	private final JarFile jar;

	private final String entryName;

	JarScriptResource(JarFile jar, String entryName, String path, Location location) {
		super(path, location);
		this.jar = jar;
		this.entryName = entryName;
	}

	@Override
	byte[] bytes() {
		try {
			ZipEntry entry = this.jar.getEntry(this.entryName);
			if (entry == null) {
				throw new IOException("no entry " + this.entryName);
			}
			try (InputStream input = this.jar.getInputStream(entry)) {
				return input.readAllBytes();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// IllegalStateException: the jar was closed, for example with its class loader.
			throw new StepwiseException("Cannot read " + this.entryName + " from " + this.jar.getName() + ": " + ex,
					ex);
		}
	}

}
