package dev.stepwise.migration.internal.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.stepwise.migration.api.StepwiseException;

/**
 * A script in a directory: a {@code filesystem:} location, or a {@code classpath:} location
 * that is a directory (classes in an IDE or a Maven build).
 */
final class FileScriptResource extends LocatedScript {

	private final Path file;

	FileScriptResource(Path file, String path, Location location) {
		super(path, location);
		this.file = file;
	}

	@Override
	byte[] bytes() {
		try {
			return Files.readAllBytes(this.file);
		}
		catch (IOException ex) {
			throw new StepwiseException("Cannot read " + this.file + ": " + ex, ex);
		}
	}

}
