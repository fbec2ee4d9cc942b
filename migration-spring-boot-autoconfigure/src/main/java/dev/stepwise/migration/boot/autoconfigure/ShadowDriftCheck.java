package dev.stepwise.migration.boot.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.boot.actuate.DriftCheck;
import dev.stepwise.migration.boot.actuate.MigrationDescriptors.DriftDescriptor;
import dev.stepwise.migration.catalog.CatalogDiff;
import dev.stepwise.migration.catalog.Difference;
import dev.stepwise.migration.catalog.MigrationsSchema;
import dev.stepwise.migration.catalog.ShadowDatabase;
import org.jspecify.annotations.Nullable;

/**
 * Drift through a shadow database on each engine's server, created and dropped for every
 * check: the applied migrations run into it and its catalogue is compared with the live one.
 * The server is {@code stepwise.url} (with {@code stepwise.user}/{@code stepwise.password})
 * when set, else the URL and user the engine's connections report.
 */
final class ShadowDriftCheck implements DriftCheck {

	private final @Nullable String url;

	private final @Nullable String user;

	private final @Nullable String password;

	ShadowDriftCheck(@Nullable String url, @Nullable String user, @Nullable String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	@Override
	public Map<String, DriftDescriptor> check(Map<String, Stepwise> engines) {
		Map<String, DriftDescriptor> drift = new LinkedHashMap<>();
		engines.forEach((name, engine) -> drift.put(name, check(engine)));
		return drift;
	}

	private DriftDescriptor check(Stepwise engine) {
		try {
			String serverUrl = this.url;
			String serverUser = this.user;
			if (serverUrl == null) {
				try (Connection connection = engine.configuration().dataSource().getConnection()) {
					DatabaseMetaData metaData = connection.getMetaData();
					serverUrl = metaData.getURL();
					serverUser = metaData.getUserName();
				}
			}
			try (ShadowDatabase shadow = ShadowDatabase.create(serverUrl,
					ShadowDatabase.Connector.driverManager(serverUser, this.password))) {
				CatalogDiff diff = MigrationsSchema.drift(engine, MigrationsSchema.sameAs(engine.configuration()), shadow);
				List<String> differences = diff.differences().stream().map(Difference::describe).toList();
				return new DriftDescriptor(!differences.isEmpty(), differences, null);
			}
		}
		catch (SQLException | RuntimeException ex) {
			String message = CredentialMask.mask(String.valueOf(ex.getMessage()), this.password);
			return new DriftDescriptor(false, List.of(), "Drift not checked: " + message);
		}
	}

}
