package dev.stepwise.migration.internal.resolve;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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
	 * The script's checksum, as {@link Checksums#crc32(String)} computes it from the text:
	 * from the bytes directly when they are ASCII in UTF-8, the common case.
	 */
	final int checksum(Charset charset) {
		byte[] bytes = bytes();
		if (charset.equals(StandardCharsets.UTF_8) && Checksums.isAscii(bytes)) {
			return Checksums.crc32Ascii(bytes);
		}
		return Checksums.crc32(ScriptText.decode(bytes, charset, this));
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
