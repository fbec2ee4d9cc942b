package dev.stepwise.migration.internal.resolve;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.api.StepwiseException;

/**
 * Turns a script's bytes into its text, strictly: a script saved in another encoding fails
 * with a message, instead of running with mangled characters.
 */
final class ScriptText {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private ScriptText() {
	}

	/**
	 * Decodes a script.
	 * @param script named in the error (its name is only worked out then)
	 */
	static String decode(byte[] bytes, Charset charset, ScriptResource script) {
		String text;
		try {
			text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new StepwiseException(script + " is not valid " + charset.name() + ": save it as "
					+ charset.name()
					+ ", or set the encoding of scripts with encoding(...) (Spring Boot: stepwise.encoding)", ex);
		}
		return (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? text.substring(1) : text;
	}

}
