package dev.stepwise.sample.users;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

/**
 * A user of the service.
 *
 * @param id the id
 * @param email the email address, unique
 * @param name the display name
 * @param verified whether the email address was confirmed
 * @param preferences the user's preferences as a JSON document, or {@code null}
 * @param createdAt when the user was created
 * @param updatedAt when the user last changed
 */
public record User(String id, String email, String name, boolean verified, @JsonRawValue @Nullable String preferences,
		Instant createdAt, Instant updatedAt) {

}
