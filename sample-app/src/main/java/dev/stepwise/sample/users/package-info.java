/**
 * The users API: list, create and get, on JdbcClient.
 */
@NullMarked
package dev.stepwise.sample.users;

import org.jspecify.annotations.NullMarked;
