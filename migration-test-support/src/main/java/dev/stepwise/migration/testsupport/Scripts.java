package dev.stepwise.migration.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Migration scripts written into a folder, for a {@code filesystem:} location. */
public final class Scripts {

	private final Path folder;

	public Scripts(Path folder) {
		this.folder = folder;
	}

	/** Writes (or overwrites) a script; the name may contain sub-folders. */
	public Scripts write(String name, String sql) {
		Path file = this.folder.resolve(name);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, sql);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	public Scripts delete(String name) {
		try {
			Files.delete(this.folder.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** The location to configure. */
	public String location() {
		return "filesystem:" + this.folder.toAbsolutePath();
	}

	public Path folder() {
		return this.folder;
	}

}
