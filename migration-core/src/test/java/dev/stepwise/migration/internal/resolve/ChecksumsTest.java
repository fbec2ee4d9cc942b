package dev.stepwise.migration.internal.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTest {

	@Test
	void isTheCrc32OfTheLinesWithoutTheirEndings() {
		// 0xCBF43926 is the published CRC-32 check value of "123456789".
		assertThat(Checksums.crc32("123456789")).isEqualTo(0xCBF43926);
		assertThat(Checksums.crc32("1234\n56789\n")).isEqualTo(0xCBF43926);
	}

	@Test
	void matchesAnIndependentComputationOverTheConcatenatedLineBytes() {
		String script = "CREATE TABLE café (id INT);\r\n\r\n-- ünïcödé 🙂\nINSERT INTO café VALUES (1);\n";
		CRC32 expected = new CRC32();
		expected.update("CREATE TABLE café (id INT);".getBytes(StandardCharsets.UTF_8));
		expected.update("-- ünïcödé 🙂".getBytes(StandardCharsets.UTF_8));
		expected.update("INSERT INTO café VALUES (1);".getBytes(StandardCharsets.UTF_8));
		assertThat(Checksums.crc32(script)).isEqualTo((int) expected.getValue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a", "\n", "a\r\n", "\r\r\n\n", "a\rb\nc\r\nd", "\uFEFFa\nb", "\uFEFF\uFEFFa",
			"x\n\uFEFFy", "😀\r\n😀", "\uD83D\n\uDE00", "trailing spaces  \n\ttabs\t\n" })
	void matchesLinesReadByABufferedReaderAsFlywayReadsThem(String text) throws IOException {
		CRC32 expected = new CRC32();
		try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
			boolean first = true;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (first && line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				first = false;
				expected.update(line.getBytes(StandardCharsets.UTF_8));
			}
		}
		assertThat(Checksums.crc32(text)).isEqualTo((int) expected.getValue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a", "\n", "a\r\n", "\r\r\n\n", "a\rb\nc\r\nd", "SELECT 1;\n", "no newline at the end",
			"trailing spaces  \n\ttabs\t\n" })
	void ofAsciiBytesIsTheChecksumOfTheirText(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		assertThat(Checksums.isAscii(bytes)).isTrue();
		assertThat(Checksums.crc32Ascii(bytes)).isEqualTo(Checksums.crc32(text));
	}

	@Test
	void tellsBytesThatAreNotAllAscii() {
		assertThat(Checksums.isAscii("café".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(Checksums.isAscii("\uFEFFSELECT 1;".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(Checksums.isAscii("SELECT 1;".getBytes(StandardCharsets.UTF_8))).isTrue();
	}

	@Test
	void isTheSameWithLfCrlfOrCrLineEndings() {
		int lf = Checksums.crc32("CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n");
		assertThat(Checksums.crc32("CREATE TABLE t (id INT);\r\nINSERT INTO t VALUES (1);\r\n")).isEqualTo(lf);
		assertThat(Checksums.crc32("CREATE TABLE t (id INT);\rINSERT INTO t VALUES (1);\r")).isEqualTo(lf);
		assertThat(Checksums.crc32("CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);")).isEqualTo(lf);
	}

	@Test
	void ignoresALeadingByteOrderMark() {
		assertThat(Checksums.crc32("\uFEFFSELECT 1;\n")).isEqualTo(Checksums.crc32("SELECT 1;\n"));
	}

	@Test
	void keepsAByteOrderMarkThatIsNotAtTheStart() {
		assertThat(Checksums.crc32("SELECT 1;\n\uFEFFSELECT 2;")).isNotEqualTo(Checksums.crc32("SELECT 1;\nSELECT 2;"));
	}

	@Test
	void changesWhenTheTextChanges() {
		assertThat(Checksums.crc32("SELECT 1;")).isNotEqualTo(Checksums.crc32("SELECT 2;"));
		assertThat(Checksums.crc32("SELECT 1;")).isNotEqualTo(Checksums.crc32("SELECT  1;"));
	}

	@Test
	void ofAnEmptyScriptIsZero() {
		assertThat(Checksums.crc32("")).isZero();
		assertThat(Checksums.crc32("\n\r\n")).isZero();
		assertThat(Checksums.crc32("\uFEFF")).isZero();
	}

}
