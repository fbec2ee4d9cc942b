package dev.stepwise.migration.internal.resolve;

import java.nio.charset.Charset;

import dev.stepwise.migration.api.ScriptResource;

/**
 * A script found in a location: what a script in a directory and one in a jar share,
 * everything but where its bytes come from.
 */
abstract class LocatedScript implements ScriptResource {

	private final String path;

	private final Location location;

	LocatedScript(String path, Location location) {
		this.path = path;
		this.location = location;
	}

	@Override
	public final String path() {
		return this.path;
	}

	@Override
	public final String location() {
		return this.location.text();
	}

	@Override
	public final String read(Charset charset) {
		return ScriptText.decode(bytes(), charset, this);
	}

	/**
	 * Reads the script's bytes.
	 * @throws dev.stepwise.migration.api.StepwiseException naming the file if it cannot be read
	 */
	abstract byte[] bytes();

	@Override
	public final String toString() {
		return this.location.nameOf(this.path);
	}

}
