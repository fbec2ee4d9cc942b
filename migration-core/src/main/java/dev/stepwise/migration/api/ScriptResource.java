package dev.stepwise.migration.api;

import java.nio.charset.Charset;


/**
 * A SQL script found in a location, read only when its text is needed.
 */
public interface ScriptResource {

	/**
	 * The path relative to its location, separated by {@code /}.
	 * @return the path, such as {@code V1__init.sql} or {@code 2026/V2__add_orders.sql}
	 */
	String path();

	/**
	 * The location the script was found in, as configured, with {@code {vendor}} resolved.
	 * @return the location, such as {@code classpath:db/migration/postgresql}
	 */
	String location();

	/**
	 * Reads the whole script, without a leading byte-order mark.
	 * @param charset the encoding of the script
	 * @return the text
	 * @throws StepwiseException naming the script if it cannot be read or is not valid in
	 * that encoding
	 */
	String read(Charset charset);

}
