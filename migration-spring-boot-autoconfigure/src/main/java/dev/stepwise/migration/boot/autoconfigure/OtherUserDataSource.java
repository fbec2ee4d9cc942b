package dev.stepwise.migration.boot.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.StepwiseException;
import org.jspecify.annotations.Nullable;

/**
 * The application's database reached as another user ({@code stepwise.user} without
 * {@code stepwise.url}): the URL is the one the application's DataSource connects to.
 */
final class OtherUserDataSource {

	private OtherUserDataSource() {
	}

	static DataSource of(DataSource application, String user, @Nullable String password) {
		String url;
		try (Connection connection = application.getConnection()) {
			url = connection.getMetaData().getURL();
		}
		catch (SQLException ex) {
			throw new StepwiseException("Stepwise could not learn the URL of the application's database, to connect"
					+ " to it as stepwise.user '" + user + "': " + ex.getMessage()
					+ ". Set stepwise.url as well, or check spring.datasource.*.", ex);
		}
		if (url == null) {
			throw new StepwiseException("The application's DataSource does not tell its URL, so Stepwise cannot connect"
					+ " to it as stepwise.user '" + user + "'. Set stepwise.url as well.");
		}
		// A DataSource of its own, unpooled: a run opens few connections, and the pool is the application's.
		return Stepwise.configure().dataSource(url, user, password).build().dataSource();
	}

}
