package dev.stepwise.migration.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes maps, lists, text, numbers and booleans as JSON: all the command line prints,
 * without a JSON library in the jar.
 */
final class Json {

	private Json() {
	}

	static String write(@Nullable Object value) {
		StringBuilder json = new StringBuilder();
		write(value, json, "");
		return json.toString();
	}

	private static void write(@Nullable Object value, StringBuilder json, String indent) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			writeMap(map, json, indent);
		}
		else if (value instanceof List<?> list) {
			writeList(list, json, indent);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else {
			string(String.valueOf(value), json);
		}
	}

	private static void writeMap(Map<?, ?> map, StringBuilder json, String indent) {
		if (map.isEmpty()) {
			json.append("{}");
			return;
		}
		String inner = indent + "  ";
		json.append("{\n");
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			json.append(inner);
			string(String.valueOf(entry.getKey()), json);
			json.append(": ");
			write(entry.getValue(), json, inner);
			json.append(entries.hasNext() ? ",\n" : "\n");
		}
		json.append(indent).append('}');
	}

	private static void writeList(List<?> list, StringBuilder json, String indent) {
		if (list.isEmpty()) {
			json.append("[]");
			return;
		}
		String inner = indent + "  ";
		json.append("[\n");
		for (int i = 0; i < list.size(); i++) {
			json.append(inner);
			write(list.get(i), json, inner);
			json.append((i < list.size() - 1) ? ",\n" : "\n");
		}
		json.append(indent).append(']');
	}

	private static void string(String text, StringBuilder json) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
