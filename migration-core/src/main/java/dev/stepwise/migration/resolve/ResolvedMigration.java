package dev.stepwise.migration.resolve;

import dev.stepwise.migration.JavaMigration;
import dev.stepwise.migration.MigrationType;
import dev.stepwise.migration.version.MigrationVersion;
import org.jspecify.annotations.Nullable;

public record ResolvedMigration(@Nullable MigrationVersion version, String description, MigrationType type, String script,
		@Nullable Integer checksum, @Nullable ScriptResource upScript, @Nullable ScriptResource downScript,
		@Nullable JavaMigration javaMigration) {

	public boolean repeatable() {
		return this.version == null;
	}

	public boolean undoable() {
		return this.downScript != null || (this.javaMigration != null && this.javaMigration.undoable());
	}

	public @Nullable String downScriptName() {
		if (this.downScript != null) {
			return this.downScript.path();
		}
		return (this.javaMigration != null && this.javaMigration.undoable()) ? this.script + ".down" : null;
	}

}
