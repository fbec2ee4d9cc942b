package dev.stepwise.migration.java;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.StepwiseException;

/**
 * A Java migration named like a script: {@code V3__Seed_users} is version 3, "Seed users".
 * {@link #undoable()} is true when the subclass overrides {@link #down(MigrationContext)}.
 */
public abstract class BaseJavaMigration implements JavaMigration {

	private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)");

	private final MigrationVersion version;

	private final String description;

	protected BaseJavaMigration() {
		String name = getClass().getSimpleName();
		Matcher matcher = NAME.matcher(name);
		if (!matcher.matches()) {
			throw new StepwiseException("Java migration " + getClass().getName()
					+ " is not named V<version>__<description>: rename it (for example V3__Seed_users)"
					+ " or implement JavaMigration and return the version yourself");
		}
		this.version = MigrationVersion.parse(matcher.group(1));
		this.description = matcher.group(2).replace('_', ' ');
	}

	@Override
	public MigrationVersion version() {
		return this.version;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public boolean undoable() {
		try {
			return getClass().getMethod("down", MigrationContext.class).getDeclaringClass() != JavaMigration.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
