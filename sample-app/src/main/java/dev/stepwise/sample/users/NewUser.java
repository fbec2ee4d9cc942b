package dev.stepwise.sample.users;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /users}.
 *
 * @param email the email address
 * @param name the display name
 */
public record NewUser(@Nullable String email, @Nullable String name) {

	// The lengths of the users table's columns (V1), so that a long value is a 400, not a database error.
	private static final int MAX_EMAIL = 320;

	private static final int MAX_NAME = 200;

	/**
	 * What is wrong with each field, by field name; empty when the user can be created.
	 */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (this.email == null || this.email.isBlank()) {
			problems.put("email", "is required");
		}
		else if (this.email.length() > MAX_EMAIL) {
			problems.put("email", "must be at most " + MAX_EMAIL + " characters");
		}
		else if (!this.email.matches("[^@\\s]+@[^@\\s]+")) {
			problems.put("email", "must be an email address, such as ada@example.com");
		}
		if (this.name == null || this.name.isBlank()) {
			problems.put("name", "is required");
		}
		else if (this.name.length() > MAX_NAME) {
			problems.put("name", "must be at most " + MAX_NAME + " characters");
		}
		return problems;
	}

}
