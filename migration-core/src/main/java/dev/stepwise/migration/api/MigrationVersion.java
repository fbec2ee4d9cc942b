package dev.stepwise.migration.api;

import java.util.Arrays;

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
	public static final MigrationVersion EMPTY = new MigrationVersion(new long[0], "0");

	private final long[] parts;

	private final String text;

	private MigrationVersion(long[] parts, String text) {
		this.parts = parts;
		this.text = text;
	}

	/**
	 * Parses a version as written in a file name or by a user. A start-up reads every
	 * version in the history and the sources, so this scans the text once, without regular
	 * expressions.
	 * @param text the version, such as {@code 1.2} or {@code 1_2}
	 * @return the version
	 * @throws IllegalArgumentException if the text is not dotted or underscored numbers
	 */
	public static MigrationVersion parse(String text) {
		String trimmed = text.trim();
		long[] parts = new long[trimmed.length() / 2 + 1];
		int count = 0;
		long part = 0;
		int digits = 0;
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++digits > 18) {
					throw invalid(text, "a part has more than 18 digits");
				}
				part = part * 10 + (c - '0');
			}
			else if ((c == '.' || c == '_') && digits > 0) {
				parts[count++] = part;
				part = 0;
				digits = 0;
			}
			else {
				throw invalid(text, null);
			}
		}
		if (digits == 0) {
			throw invalid(text, null);
		}
		parts[count++] = part;
		while (count > 0 && parts[count - 1] == 0) {
			count--;
		}
		return new MigrationVersion(Arrays.copyOf(parts, count), trimmed.replace('_', '.'));
	}

	private static IllegalArgumentException invalid(String text, @Nullable String why) {
		return new IllegalArgumentException("Invalid migration version '" + text + "'" + ((why != null) ? ": " + why : "")
				+ ": use numbers separated by dots or underscores, such as 1, 1.1 or 2026.11.28.1");
	}

	@Override
	public int compareTo(MigrationVersion other) {
		return Arrays.compare(this.parts, other.parts);
	}

	public boolean isNewerThan(MigrationVersion other) {
		return compareTo(other) > 0;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return obj instanceof MigrationVersion other && Arrays.equals(this.parts, other.parts);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.parts);
	}

	/** The version as written, with underscores shown as dots. */
	@Override
	public String toString() {
		return this.text;
	}

}
