package dev.stepwise.migration.tool;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a {@code .properties} or YAML file, a Spring Boot {@code application.yml} included,
 * into flat dotted keys: documents and {@code application-<profile>} files of the active
 * profiles apply, later ones winning, as in Spring Boot.
 */
public final class ConfigFile {

	private ConfigFile() {
	}

	/**
	 * The flat settings of the file and of its profile-specific siblings.
	 * @param path the file
	 * @param profiles the active profiles
	 * @param wording how the tool words and reports a problem with the file
	 * @return every key with its value, as text
	 */
	public static Map<String, String> read(Path path, List<String> profiles, ToolWording wording) {
		if (!Files.isRegularFile(path)) {
			throw wording.usage("Configuration file " + path + " does not exist. " + wording.configFileAdvice());
		}
		Map<String, String> settings = new LinkedHashMap<>(readOne(path, Set.copyOf(profiles), wording));
		for (String profile : profiles) {
			Path sibling = profileSibling(path, profile);
			if (sibling != null) {
				settings.putAll(readOne(sibling, Set.copyOf(profiles), wording));
			}
		}
		return settings;
	}

	private static @Nullable Path profileSibling(Path path, String profile) {
		String name = path.getFileName().toString();
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return null;
		}
		Path sibling = path.resolveSibling(name.substring(0, dot) + "-" + profile + name.substring(dot));
		return Files.isRegularFile(sibling) ? sibling : null;
	}

	private static Map<String, String> readOne(Path path, Set<String> profiles, ToolWording wording) {
		String name = path.getFileName().toString();
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			if (name.endsWith(".yml") || name.endsWith(".yaml")) {
				return yaml(reader, profiles);
			}
			Properties properties = new Properties();
			properties.load(reader);
			Map<String, String> settings = new LinkedHashMap<>();
			properties.stringPropertyNames().forEach((key) -> settings.put(key, properties.getProperty(key)));
			return settings;
		}
		catch (IOException ex) {
			throw wording.usage("Cannot read configuration file " + path + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			// SnakeYAML's messages name the line and column.
			throw wording.usage("Cannot parse configuration file " + path + ": "
					+ ex.getMessage().replace('\n', ' '), ex);
		}
	}

	private static Map<String, String> yaml(Reader reader, Set<String> profiles) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
			Map<String, String> flat = new LinkedHashMap<>();
			flatten("", document, flat);
			if (appliesTo(flat, profiles)) {
				settings.putAll(flat);
			}
		}
		return settings;
	}

	/** A document without a profile condition always applies; one with it, when a profile matches. */
	private static boolean appliesTo(Map<String, String> document, Set<String> profiles) {
		String condition = document.getOrDefault("spring.config.activate.on-profile",
				document.get("spring.profiles"));
		if (condition == null) {
			return true;
		}
		for (String profile : condition.split(",")) {
			String trimmed = profile.trim();
			boolean negated = trimmed.startsWith("!");
			boolean active = profiles.contains(negated ? trimmed.substring(1) : trimmed);
			if (active != negated) {
				return true;
			}
		}
		return false;
	}

	private static void flatten(String prefix, @Nullable Object value, Map<String, String> into) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child,
					into));
		}
		else if (value instanceof List<?> list) {
			List<String> items = new ArrayList<>();
			for (Object item : list) {
				items.add(String.valueOf(item));
			}
			into.put(prefix, String.join(",", items));
		}
		else if (value != null && !prefix.isEmpty()) {
			into.put(prefix, String.valueOf(value));
		}
	}

}
