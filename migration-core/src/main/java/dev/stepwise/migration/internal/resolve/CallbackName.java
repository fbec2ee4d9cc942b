package dev.stepwise.migration.internal.resolve;

import java.util.Set;

import dev.stepwise.migration.api.RunEvent;
import org.jspecify.annotations.Nullable;

/**
 * What a callback script's name says: {@code <event>.sql} or {@code <event>__<description>.sql},
 * with Flyway's event names.
 */
final class CallbackName {

	// Flyway's callbacks that have no counterpart here: named, so that the error says so
	// instead of calling them badly named migrations.
	private static final Set<String> UNSUPPORTED = Set.of("beforeRepeatables", "beforeEachMigrateStatement",
			"afterEachMigrateStatement", "afterEachMigrateStatementError", "afterMigrateApplied", "afterVersioned",
			"beforeEachUndoStatement", "afterEachUndoStatement", "afterEachUndoStatementError", "beforeClean",
			"afterClean", "afterCleanError", "beforeInfo", "afterInfo", "afterInfoError", "beforeBaseline",
			"afterBaseline", "afterBaselineError", "beforeRepair", "afterRepair", "afterRepairError", "createSchema",
			"beforeConnect", "afterConnect");

	private CallbackName() {
	}

	/** The event a file name names, or {@code null} if it is not a supported callback's name. */
	static @Nullable RunEvent parse(String fileName) {
		String event = event(fileName);
		for (RunEvent candidate : RunEvent.values()) {
			if (candidate.callbackName().equals(event)) {
				return candidate;
			}
		}
		return null;
	}

	/** Whether a file name is one of Flyway's callbacks that Stepwise does not run. */
	static boolean isUnsupported(String fileName) {
		return UNSUPPORTED.contains(event(fileName));
	}

	private static String event(String fileName) {
		String name = ScriptName.isScript(fileName) ? fileName.substring(0, fileName.length() - ScriptName.SUFFIX.length())
				: fileName;
		int separator = name.indexOf("__");
		return (separator >= 0) ? name.substring(0, separator) : name;
	}

}
