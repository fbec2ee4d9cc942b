package dev.stepwise.migration.resolve;

import java.util.Map;

public final class Placeholders {

	public static String replace(String scriptName, String text, Map<String, String> values) {
		String result = text;
		for (Map.Entry<String, String> e : values.entrySet()) {
			result = result.replace("${" + e.getKey() + "}", e.getValue());
		}
		return result;
	}

}
