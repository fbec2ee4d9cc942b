package dev.stepwise.sample.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users in the {@code users} table.
 */
@Repository
class UserRepository {

	// This release reads and writes display_name, the column V5 expanded from name. The previous release
	// still writes name while both run during a rolling deploy; the sync triggers copy each write to the
	// other column, so every instance sees every user whichever release wrote it.
	private static final String COLUMNS = "id, email, display_name, verified, preferences, created_at, updated_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<User> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY created_at, email").query(this::user).list();
	}

	Optional<User> findById(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(this::user).optional();
	}

	User create(NewUser user) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO users (id, email, display_name) VALUES (?, ?, ?)")
			.params(id, user.email(), user.name())
			.update();
		return findById(id).orElseThrow();
	}

	private User user(ResultSet row, int rowNumber) throws SQLException {
		return new User(row.getString("id"), row.getString("email"), row.getString("display_name"),
				row.getBoolean("verified"), row.getString("preferences"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant());
	}

}
