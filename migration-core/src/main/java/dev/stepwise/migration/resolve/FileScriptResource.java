package dev.stepwise.migration.resolve;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.stepwise.migration.StepwiseException;

/**
 * A script in a directory: a {@code filesystem:} location, or a {@code classpath:} location
 * that is a directory (classes in an IDE or a Maven build).
 */
final class FileScriptResource implements ScriptResource {

	private final Path file;

	private final String path;

	private final Location location;

	FileScriptResource(Path file, String path, Location location) {
		this.file = file;
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
			bytes = Files.readAllBytes(this.file);
		}
		catch (IOException ex) {
			throw new StepwiseException("Cannot read " + this.file + ": " + ex, ex);
		}
		return ScriptText.decode(bytes, charset, toString());
	}

	@Override
	public String toString() {
		return this.location.nameOf(this.path);
	}

}
