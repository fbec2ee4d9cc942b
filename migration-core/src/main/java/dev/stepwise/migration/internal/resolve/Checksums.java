package dev.stepwise.migration.internal.resolve;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum of a script, computed as Flyway does so that a Flyway history can be
 * adopted, and so that the same script checked out with CRLF or LF line endings has the
 * same checksum.
 * <p>
 * The algorithm:
 * <ol>
 * <li>split the text into lines at {@code \n}, {@code \r\n} or {@code \r}, dropping the
 * line endings;</li>
 * <li>remove a byte-order mark ({@code U+FEFF}) from the start of the first line;</li>
 * <li>feed the UTF-8 bytes of each line, in order, to one CRC32;</li>
 * <li>return its value as an {@code int} (the low 32 bits, so it may be negative).</li>
 * </ol>
 */
public final class Checksums {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private Checksums() {
	}

	/**
	 * Computes the checksum of a script's text, before placeholders are replaced.
	 * @param text the script as read
	 * @return the checksum
	 */
	public static int crc32(String text) {
		CRC32 crc32 = new CRC32();
		int lineStart = (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? 1 : 0;
		int length = text.length();
		for (int i = lineStart; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				update(crc32, text, lineStart, i);
				lineStart = i + 1;
			}
		}
		update(crc32, text, lineStart, length);
		return (int) crc32.getValue();
	}

	/**
	 * The same checksum, of a script whose bytes are all ASCII: then each line's UTF-8 bytes
	 * are its bytes as read, and the checksum needs neither a decoder nor a copy per line,
	 * which a fresh JVM checking 1,000 scripts at start-up feels.
	 * @param ascii bytes below {@code 0x80}, as {@link #isAscii} tells
	 * @return the checksum
	 */
	static int crc32Ascii(byte[] ascii) {
		CRC32 crc32 = new CRC32();
		int lineStart = 0;
		for (int i = 0; i < ascii.length; i++) {
			byte b = ascii[i];
			if (b == '\n' || b == '\r') {
				crc32.update(ascii, lineStart, i - lineStart);
				lineStart = i + 1;
			}
		}
		crc32.update(ascii, lineStart, ascii.length - lineStart);
		return (int) crc32.getValue();
	}

	/** Whether every byte is ASCII, which UTF-8 and the other ASCII-based encodings read alike. */
	static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	// Each line is encoded on its own, as Flyway does: a surrogate pair split by a line
	// break must not be joined into one character.
	private static void update(CRC32 crc32, String text, int start, int end) {
		if (start < end) {
			crc32.update(text.substring(start, end).getBytes(StandardCharsets.UTF_8));
		}
	}

}
