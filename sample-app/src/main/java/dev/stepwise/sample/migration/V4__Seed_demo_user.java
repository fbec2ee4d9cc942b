package dev.stepwise.sample.migration;

import java.sql.PreparedStatement;

import dev.stepwise.migration.java.BaseJavaMigration;
import dev.stepwise.migration.java.MigrationContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Adds a demo user whose address comes from the configuration ({@code sample.demo-user.email}),
 * with preferences in the JSON column; its {@code down} removes it.
 * <p>
 * A migration bean works on the migration's connection: it must not inject JdbcTemplate or
 * JdbcClient, which wait for the migrations to finish.
 */
@Component
class V4__Seed_demo_user extends BaseJavaMigration {

	static final String DEMO_USER_ID = "00000000-0000-0000-0000-000000000001";

	private final String email;

	V4__Seed_demo_user(@Value("${sample.demo-user.email}") String email) {
		this.email = email;
	}

	@Override
	public void up(MigrationContext context) throws Exception {
		String insert = "INSERT INTO users (id, email, name, email_confirmed_at, verified, preferences)"
				+ " VALUES (?, ?, 'Demo', CURRENT_TIMESTAMP, TRUE, " + jsonParameter(context) + ")";
		try (PreparedStatement statement = context.connection().prepareStatement(insert)) {
			statement.setString(1, DEMO_USER_ID);
			statement.setString(2, this.email);
			statement.setString(3, "{\"theme\": \"dark\", \"newsletter\": false}");
			statement.executeUpdate();
		}
	}

	@Override
	public void down(MigrationContext context) throws Exception {
		try (PreparedStatement statement = context.connection().prepareStatement("DELETE FROM users WHERE id = ?")) {
			statement.setString(1, DEMO_USER_ID);
			statement.executeUpdate();
		}
	}

	/** A text parameter read as JSON: each database spells the conversion its own way. */
	private static String jsonParameter(MigrationContext context) {
		return switch (context.databaseType()) {
			case POSTGRESQL -> "CAST(? AS JSONB)";
			case H2 -> "? FORMAT JSON";
			case MYSQL, MARIADB -> "?";
		};
	}

}
