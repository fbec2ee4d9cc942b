package dev.stepwise.migration.internal.resolve;

import dev.stepwise.migration.api.MigrationType;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.java.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * A migration known from the sources: a {@code V} script (with its {@code U} script, if
 * any), an {@code R} script, or a {@link JavaMigration}.
 *
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description, with underscores shown as spaces
 * @param type {@link MigrationType#SQL} or {@link MigrationType#JAVA}
 * @param script the path of the up script relative to its location, or the Java class name
 * @param checksum the checksum of the up script (see {@link Checksums}), or for a Java
 * migration the one {@link JavaMigration#checksum()} gives
 * @param upScript the up ({@code V}) or repeatable ({@code R}) script; {@code null} for Java
 * @param downScript the down ({@code U}) script, if there is one
 * @param javaMigration the Java migration; {@code null} for a script
 */
public record ResolvedMigration(@Nullable MigrationVersion version, String description, MigrationType type,
		String script, @Nullable Integer checksum, @Nullable ScriptResource upScript,
		@Nullable ScriptResource downScript, @Nullable JavaMigration javaMigration) {

	/** Whether this is an {@code R} script, applied again whenever its checksum changes. */
	public boolean repeatable() {
		return this.version == null;
	}

	/** Whether a rollback can undo it: it has a {@code U} script, or a Java {@code down()}. */
	public boolean undoable() {
		return this.downScript != null || (this.javaMigration != null && this.javaMigration.undoable());
	}

	/**
	 * The name of what undoes this migration, for history and messages.
	 * @return the path of the {@code U} script, {@code <class>.down} for an undoable Java
	 * migration, or {@code null} when nothing undoes it
	 */
	public @Nullable String downScriptName() {
		if (this.downScript != null) {
			return this.downScript.path();
		}
		if (this.javaMigration != null && this.javaMigration.undoable()) {
			return this.script + ".down";
		}
		return null;
	}

}
