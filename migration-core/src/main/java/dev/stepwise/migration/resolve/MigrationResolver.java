package dev.stepwise.migration.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.stepwise.migration.JavaMigration;
import dev.stepwise.migration.MigrationType;
import dev.stepwise.migration.dialect.DatabaseType;
import dev.stepwise.migration.version.MigrationVersion;

// TEMPORARY stand-in until the resolve branch lands.
public final class MigrationResolver {

	private static final Pattern NAME = Pattern.compile("([VUR])([0-9._]*)__(.+)\\.sql");

	private final List<String> locations;

	private final ClassLoader classLoader;

	private final Charset encoding;

	private final DatabaseType type;

	private final List<JavaMigration> javaMigrations;

	public MigrationResolver(List<String> locations, ClassLoader classLoader, Charset encoding, DatabaseType type,
			List<JavaMigration> javaMigrations) {
		this.locations = locations;
		this.classLoader = classLoader;
		this.encoding = encoding;
		this.type = type;
		this.javaMigrations = javaMigrations;
	}

	public List<ResolvedMigration> resolve() {
		Map<String, ScriptResource> ups = new HashMap<>();
		Map<String, ScriptResource> downs = new HashMap<>();
		List<ResolvedMigration> result = new ArrayList<>();
		for (String location : this.locations) {
			String resolved = location.replace("{vendor}", this.type.vendor());
			for (Path dir : dirs(resolved)) {
				try (Stream<Path> files = Files.walk(dir)) {
					for (Path file : files.filter(Files::isRegularFile).toList()) {
						String rel = dir.relativize(file).toString();
						Matcher m = NAME.matcher(file.getFileName().toString());
						if (!m.matches()) {
							continue;
						}
						ScriptResource res = new ScriptResource() {
							public String path() {
								return rel;
							}

							public String location() {
								return resolved;
							}

							public String read(Charset charset) {
								try {
									return Files.readString(file, charset);
								}
								catch (IOException ex) {
									throw new UncheckedIOException(ex);
								}
							}
						};
						String desc = m.group(3).replace('_', ' ');
						switch (m.group(1)) {
							case "V" -> ups.put(m.group(2) + "|" + desc, res);
							case "U" -> downs.put(MigrationVersion.parse(m.group(2)).toString(), res);
							default -> result.add(new ResolvedMigration(null, desc, MigrationType.SQL, rel,
									Checksums.crc32(res.read(this.encoding)), res, null, null));
						}
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		ups.forEach((key, res) -> {
			MigrationVersion v = MigrationVersion.parse(key.substring(0, key.indexOf('|')));
			result.add(new ResolvedMigration(v, key.substring(key.indexOf('|') + 1), MigrationType.SQL, res.path(),
					Checksums.crc32(res.read(this.encoding)), res, downs.get(v.toString()), null));
		});
		for (JavaMigration j : this.javaMigrations) {
			result.add(new ResolvedMigration(j.version(), j.description(), MigrationType.JAVA, j.getClass().getName(),
					j.checksum(), null, null, j));
		}
		result.sort(Comparator.comparing((ResolvedMigration r) -> r.version() == null)
			.thenComparing((r) -> r.version(), Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(ResolvedMigration::description));
		return result;
	}

	private List<Path> dirs(String location) {
		List<Path> dirs = new ArrayList<>();
		try {
			if (location.startsWith("filesystem:")) {
				Path p = Path.of(location.substring("filesystem:".length()));
				if (Files.isDirectory(p)) {
					dirs.add(p);
				}
				return dirs;
			}
			String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
			var urls = this.classLoader.getResources(path);
			while (urls.hasMoreElements()) {
				URL url = urls.nextElement();
				if (url.getProtocol().equals("file")) {
					dirs.add(Path.of(url.toURI()));
				}
			}
		}
		catch (IOException | URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		return dirs;
	}

}
