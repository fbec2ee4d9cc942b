package dev.stepwise.migration.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import dev.stepwise.migration.StepwiseException;

/**
 * A script inside a jar on the class path, including a jar nested in a Spring Boot
 * executable jar.
 */
final class JarScriptResource implements ScriptResource {

	private final JarFile jar;

	private final String entryName;

	private final String path;

	private final Location location;

	JarScriptResource(JarFile jar, String entryName, String path, Location location) {
		this.jar = jar;
		this.entryName = entryName;
		this.path = path;
		this.location = location;
	}

	@Override
	public String path() {
		return this.path;
	}

	@Override
	public String location() {
		return this.location.text();
	}

	@Override
	public String read(Charset charset) {
		byte[] bytes;
		try {
			ZipEntry entry = this.jar.getEntry(this.entryName);
			if (entry == null) {
				throw new IOException("no entry " + this.entryName);
			}
			try (InputStream input = this.jar.getInputStream(entry)) {
				bytes = input.readAllBytes();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// IllegalStateException: the jar was closed, for example with its class loader.
			throw new StepwiseException("Cannot read " + this.entryName + " from " + this.jar.getName() + ": " + ex,
					ex);
		}
		return ScriptText.decode(bytes, charset, toString());
	}

	@Override
	public String toString() {
		return this.location.nameOf(this.path);
	}

}
