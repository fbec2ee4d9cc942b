package dev.stepwise.migration.internal.resolve;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.MigrationValidationException;
import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.internal.dialect.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the scripts of every configured location, resolving {@code {vendor}} and merging
 * the locations in their configured order.
 */
final class ScriptFinder {

	private static final Logger logger = LoggerFactory.getLogger(ScriptFinder.class);

	private final List<String> locations;

	private final DatabaseType databaseType;

	private final ScriptScanner scanner;

	ScriptFinder(List<String> locations, DatabaseType databaseType, ScriptScanner scanner) {
		this.locations = locations;
		this.databaseType = databaseType;
		this.scanner = scanner;
	}

	private boolean failOnMissingLocations;

	/** Whether a location that does not exist is an error rather than a warning. */
	ScriptFinder failOnMissingLocations(boolean failOnMissingLocations) {
		this.failOnMissingLocations = failOnMissingLocations;
		return this;
	}

	List<ScriptResource> find() {
		List<Location> scanned = new ArrayList<>();
		List<ScriptResource> scripts = new ArrayList<>();
		for (String configured : this.locations) {
			find(configured, scanned, scripts);
		}
		return scripts;
	}

	/**
	 * Scans the first candidate of a configured location that exists. A location listed
	 * twice, however spelled, is scanned once so its scripts are not reported as duplicates.
	 */
	private void find(String configured, List<Location> scanned, List<ScriptResource> scripts) {
		List<Location> candidates = candidates(configured);
		for (Location candidate : candidates) {
			for (Location earlier : scanned) {
				if (candidate.samePlaceAs(earlier)) {
					return;
				}
			}
			scanned.add(candidate);
			List<ScriptResource> found = this.scanner.scan(candidate);
			if (found != null) {
				scripts.addAll(found);
				return;
			}
		}
		String where = String.join(" or ", candidates.stream().map(Location::text).toList());
		if (this.failOnMissingLocations) {
			throw new MigrationValidationException(List.of("The location " + where + " does not exist, so nothing was"
					+ " run. Create it, correct the locations (Spring Boot: stepwise.locations), or let a missing"
					+ " location pass with a warning: failOnMissingLocations(false) (stepwise.fail-on-missing-locations)."));
		}
		logger.warn("No migrations found at {}", where);
	}

	// Each vendor the dialect names, most specific first: a project written for MySQL that
	// moves to MariaDB keeps working without a mariadb folder.
	private List<Location> candidates(String configured) {
		if (!configured.contains(Location.VENDOR)) {
			return List.of(Location.parse(configured));
		}
		List<Location> candidates = new ArrayList<>();
		for (String vendor : Dialect.of(this.databaseType).vendors()) {
			candidates.add(Location.parse(configured.replace(Location.VENDOR, vendor)));
		}
		return candidates;
	}

}
