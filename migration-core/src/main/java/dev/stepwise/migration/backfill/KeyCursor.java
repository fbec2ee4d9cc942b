package dev.stepwise.migration.backfill;

import java.util.ArrayList;
import java.util.List;

/**
 * The last key a backfill finished, one text value per key column, stored in the
 * progress table as {@code <length>:<value>} pairs so that any text survives the trip.
 */
final class KeyCursor {

	private KeyCursor() {
	}

	static String encode(List<String> values) {
		StringBuilder text = new StringBuilder();
		for (String value : values) {
			text.append(value.length()).append(':').append(value);
		}
		return text.toString();
	}

	static List<String> decode(String text) {
		List<String> values = new ArrayList<>();
		int position = 0;
		while (position < text.length()) {
			int colon = text.indexOf(':', position);
			if (colon < 0) {
				throw new IllegalStateException("Corrupt backfill cursor '" + text + "' in the progress table");
			}
			int length = Integer.parseInt(text.substring(position, colon));
			values.add(text.substring(colon + 1, colon + 1 + length));
			position = colon + 1 + length;
		}
		return values;
	}

}
