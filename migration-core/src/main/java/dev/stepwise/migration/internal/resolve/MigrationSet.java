package dev.stepwise.migration.internal.resolve;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.java.JavaMigration;

/**
 * The migrations found, grouped by version and by description, so that clashes between
 * them can all be reported at once before anything is read.
 */
final class MigrationSet {

	private final Map<MigrationVersion, List<ResolvedMigration>> ups = new TreeMap<>();

	private final Map<MigrationVersion, List<ScriptResource>> downs = new TreeMap<>();

	private final Map<String, List<ScriptResource>> repeatables = new TreeMap<>();

	void add(ScriptName name, ScriptResource script) {
		MigrationVersion version = name.version();
		switch (name.kind()) {
			case UP -> add(new ResolvedMigration(version, name.description(), MigrationType.SQL, script.path(), null,
					script, null, null));
			case DOWN -> this.downs.computeIfAbsent(version, (key) -> new ArrayList<>()).add(script);
			case REPEATABLE -> this.repeatables.computeIfAbsent(name.description(), (key) -> new ArrayList<>())
				.add(script);
		}
	}

	void add(JavaMigration migration) {
		add(new ResolvedMigration(migration.version(), migration.description(), MigrationType.JAVA,
				migration.getClass().getName(), migration.checksum(), null, null, migration));
	}

	private void add(ResolvedMigration up) {
		this.ups.computeIfAbsent(up.version(), (key) -> new ArrayList<>()).add(up);
	}

	/** Every clash: two migrations for one version or description, or a down script without its up. */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		// A loop, not forEach with a lambda: every start-up runs this over every version.
		for (Map.Entry<MigrationVersion, List<ResolvedMigration>> versioned : this.ups.entrySet()) {
			List<ResolvedMigration> ups = versioned.getValue();
			if (ups.size() > 1) {
				problems.add("Version " + versioned.getKey() + " is used by "
						+ names(ups.stream().map(MigrationSet::nameOf).toList()) + ": renumber "
						+ ((ups.size() == 2) ? "one of them." : "all but one of them."));
			}
		}
		this.downs.forEach((version, downs) -> {
			List<ResolvedMigration> ups = this.ups.get(version);
			if (downs.size() > 1) {
				problems.add("Version " + version + " has " + downs.size() + " down scripts, "
						+ names(downs.stream().map(Object::toString).toList()) + ": keep one of them.");
			}
			if (ups == null) {
				downs.forEach((down) -> problems.add(down + ": a down script with no up script of version " + version
						+ ". Add V" + version
						+ "__<description>.sql, or correct the version in its name, or delete it."));
			}
			else if (ups.size() == 1 && ups.get(0).type() == MigrationType.JAVA) {
				downs.forEach((down) -> problems.add(down + ": a down script for version " + version
						+ ", which is the Java migration " + ups.get(0).script() + ". Undo it in "
						+ ups.get(0).script() + ".down() and delete the script."));
			}
		});
		this.repeatables.forEach((description, scripts) -> {
			if (scripts.size() > 1) {
				problems.add("Repeatable migration \"" + description + "\" is defined by "
						+ names(scripts.stream().map(Object::toString).toList())
						+ ": rename all but one of them, since each description must be unique.");
			}
		});
		return problems;
	}

	/**
	 * The migrations, versioned ascending then repeatables by description, with the
	 * checksum of each script. Call only when there are no {@link #problems()}.
	 */
	List<ResolvedMigration> resolve(Charset encoding) {
		List<ResolvedMigration> resolved = new ArrayList<>(this.ups.size() + this.repeatables.size());
		for (Map.Entry<MigrationVersion, List<ResolvedMigration>> versioned : this.ups.entrySet()) {
			ResolvedMigration up = versioned.getValue().get(0);
			ScriptResource script = up.upScript();
			if (script != null) {
				List<ScriptResource> downs = this.downs.get(versioned.getKey());
				resolved.add(new ResolvedMigration(versioned.getKey(), up.description(), up.type(), up.script(),
						checksum(script, encoding), script, (downs != null) ? downs.get(0) : null, null));
			}
			else {
				resolved.add(up);
			}
		}
		for (Map.Entry<String, List<ScriptResource>> repeatable : this.repeatables.entrySet()) {
			ScriptResource script = repeatable.getValue().get(0);
			resolved.add(new ResolvedMigration(null, repeatable.getKey(), MigrationType.SQL, script.path(),
					checksum(script, encoding), script, null, null));
		}
		return resolved;
	}

	private static int checksum(ScriptResource script, Charset encoding) {
		return (script instanceof LocatedScript located) ? located.checksum(encoding)
				: Checksums.crc32(script.read(encoding));
	}

	private static String nameOf(ResolvedMigration migration) {
		ScriptResource script = migration.upScript();
		return (script != null) ? script.toString() : migration.script();
	}

	/** "A and B", "A, B and C". */
	private static String names(List<String> names) {
		int last = names.size() - 1;
		return String.join(", ", names.subList(0, last)) + " and " + names.get(last);
	}

}
