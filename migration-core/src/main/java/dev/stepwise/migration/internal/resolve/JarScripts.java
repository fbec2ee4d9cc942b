package dev.stepwise.migration.internal.resolve;

import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import dev.stepwise.migration.api.ScriptResource;

/**
 * Lists the scripts under a directory entry of a jar on the class path.
 */
final class JarScripts {

	private JarScripts() {
	}

	static void list(JarFile jar, String directoryEntry, Location location, List<ScriptResource> scripts) {
		String prefix = (directoryEntry.isEmpty() || directoryEntry.endsWith("/")) ? directoryEntry
				: directoryEntry + "/";
		Enumeration<JarEntry> entries = jar.entries();
		while (entries.hasMoreElements()) {
			JarEntry entry = entries.nextElement();
			String name = entry.getName();
			if (!entry.isDirectory() && name.startsWith(prefix) && ScriptName.isScript(name)) {
				scripts.add(new JarScriptResource(jar, name, name.substring(prefix.length()), location));
			}
		}
	}

}
