package dev.stepwise.migration.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The version of a migration: dotted or underscored numbers ({@code 1}, {@code 1.1},
 * {@code 1_1}, {@code 2026.11.28.1}) compared part by part, numerically.
 * <p>
 * Trailing zero parts do not count, so {@code 1}, {@code 1.0} and {@code 1_0} are the same
 * version; a duplicate check therefore catches {@code V1__a.sql} next to {@code V1.0__b.sql}.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {

	/** The version below every migration: rolling back to it undoes everything. */
	public static final MigrationVersion EMPTY = new MigrationVersion(List.of(), "0");

	private static final Pattern VALID = Pattern.compile("\\d+([._]\\d+)*");

	private final List<BigInteger> parts;

	private final String text;

	private MigrationVersion(List<BigInteger> parts, String text) {
		this.parts = parts;
		this.text = text;
	}

	/**
	 * Parses a version as written in a file name or by a user.
	 * @param text the version, such as {@code 1.2} or {@code 1_2}
	 * @return the version
	 * @throws IllegalArgumentException if the text is not dotted or underscored numbers
	 */
	public static MigrationVersion parse(String text) {
		String trimmed = text.trim();
		if (!VALID.matcher(trimmed).matches()) {
			throw new IllegalArgumentException("Invalid migration version '" + text
					+ "': use numbers separated by dots or underscores, such as 1, 1.1 or 2026.11.28.1");
		}
		List<BigInteger> parts = new ArrayList<>();
		for (String part : trimmed.split("[._]")) {
			parts.add(new BigInteger(part));
		}
		while (!parts.isEmpty() && parts.get(parts.size() - 1).signum() == 0) {
			parts.remove(parts.size() - 1);
		}
		return new MigrationVersion(Collections.unmodifiableList(parts), trimmed.replace('_', '.'));
	}

	@Override
	public int compareTo(MigrationVersion other) {
		int common = Math.min(this.parts.size(), other.parts.size());
		for (int i = 0; i < common; i++) {
			int result = this.parts.get(i).compareTo(other.parts.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(this.parts.size(), other.parts.size());
	}

	public boolean isNewerThan(MigrationVersion other) {
		return compareTo(other) > 0;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return obj instanceof MigrationVersion other && this.parts.equals(other.parts);
	}

	@Override
	public int hashCode() {
		return this.parts.hashCode();
	}

	/** The version as written, with underscores shown as dots. */
	@Override
	public String toString() {
		return this.text;
	}

}
