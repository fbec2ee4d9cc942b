package dev.stepwise.migration.api;

import java.lang.reflect.Constructor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks passwords and other credentials in any text or exception chain before it reaches a
 * message, a log line or a response: the one place that knows what a credential looks like
 * in a JDBC URL, a driver's message, a {@code Properties} dump or a SQL statement.
 * <p>
 * Masked: the value of every key that names a credential ({@code password=},
 * {@code PASSWORD=} in H2's {@code ;} settings, {@code (password=...)} in MariaDB's
 * address form, {@code sslpassword=}, {@code token=}, {@code secret=}, {@code "apiKey":}),
 * the password of {@code scheme://user:password@host}, and the literal after
 * {@code PASSWORD} or {@code IDENTIFIED BY} in SQL.
 */
public final class CredentialMask {

	/** What a masked value reads as. */
	public static final String MASK = "****";

	private static final String KEY = "[\\w.-]*(?:password|passwd|pwd|secret|token|credential|api[_-]?key"
			+ "|access[_-]?key|private[_-]?key)[\\w.-]*";

	private static final String VALUE = "(?:\"[^\"]*\"|'[^']*'|[^&;,()\\s\"'{}\\[\\]]*)";

	// key=value (URLs, H2 settings, Properties) and "key": value (JSON); a bare "key: value" is left alone, as
	// driver and parser messages say "unexpected token: x" and "using password: YES".
	private static final Pattern KEY_VALUE = Pattern
		.compile("(?i)(" + KEY + "|\"" + KEY + "\")(\\s*=\\s*|(?<=\")\\s*:\\s*)(?=[^\\s])(" + VALUE + ")");

	private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/\\s:@?;]*):([^@/\\s?;]*)@");

	private static final Pattern SQL_LITERAL = Pattern
		.compile("(?i)\\b(password|identified\\s+by|secret)(\\s+)('(?:[^']|'')*'|\"[^\"]*\")");

	private static final int MAX_DEPTH = 32;

	private CredentialMask() {
	}

	/**
	 * Returns the text with every credential in it replaced by {@value #MASK}.
	 * @param text the text, such as a JDBC URL or a driver's message
	 * @return the masked text, {@code null} for {@code null}
	 */
	public static @Nullable String mask(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
		masked = SQL_LITERAL.matcher(masked).replaceAll("$1$2'" + MASK + "'");
		return KEY_VALUE.matcher(masked).replaceAll("$1$2" + MASK);
	}

	/**
	 * Returns the text masked as {@link #mask(String)} does, and with every occurrence of
	 * the given secret masked too (a password passed apart from the URL that a driver
	 * might repeat).
	 * @param text the text
	 * @param secret a known secret, ignored when shorter than 4 characters (masking a
	 * 1-character password would garble every message)
	 * @return the masked text
	 */
	public static @Nullable String mask(@Nullable String text, @Nullable String secret) {
		return mask(text, (secret != null) ? List.of(secret) : List.of());
	}

	/**
	 * Returns the text masked as {@link #mask(String)} does, and with every occurrence of
	 * each known secret masked too: a driver that misreads a URL quotes a piece of it
	 * ({@code Incorrect port value : <password>@host}) that no pattern recognises.
	 * @param text the text
	 * @param secrets known secrets, each ignored when shorter than 4 characters (masking a
	 * 1-character password would garble every message)
	 * @return the masked text
	 */
	public static @Nullable String mask(@Nullable String text, Collection<String> secrets) {
		String masked = mask(text);
		if (masked == null) {
			return null;
		}
		for (String secret : secrets) {
			if (secret.length() >= 4) {
				masked = masked.replace(secret, MASK);
			}
		}
		return masked;
	}

	/**
	 * The secrets that a JDBC URL carries: the password of {@code user:password@host} and
	 * the value of every credential key.
	 * @param url the URL
	 * @return the secrets, empty when there are none
	 */
	public static List<String> secretsIn(@Nullable String url) {
		List<String> secrets = new ArrayList<>();
		if (url == null) {
			return secrets;
		}
		Matcher userInfo = USER_INFO.matcher(url);
		while (userInfo.find()) {
			secrets.add(userInfo.group(2));
		}
		Matcher keyValue = KEY_VALUE.matcher(url);
		while (keyValue.find()) {
			secrets.add(unquote(keyValue.group(3)));
		}
		secrets.removeIf(String::isEmpty);
		return secrets;
	}

	/**
	 * The secrets that a DataSource was configured with, as far as its public getters tell
	 * ({@code getJdbcUrl}, {@code getUrl}, {@code getURL}, {@code getPassword}: HikariCP,
	 * Tomcat, DBCP, the drivers' own), to mask in what its failures say.
	 * @param dataSource the DataSource, or anything else
	 * @return the secrets, empty when it tells none
	 */
	public static List<String> secretsOf(Object dataSource) {
		List<String> secrets = new ArrayList<>();
		for (String getter : List.of("getJdbcUrl", "getUrl", "getURL")) {
			secrets.addAll(secretsIn(property(dataSource, getter)));
		}
		String password = property(dataSource, "getPassword");
		if (password != null && !password.isEmpty()) {
			secrets.add(password);
		}
		return secrets;
	}

	private static @Nullable String property(Object target, String getter) {
		try {
			Object value = target.getClass().getMethod(getter).invoke(target);
			return (value instanceof String text) ? text : null;
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return null;
		}
	}

	private static String unquote(String value) {
		boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
				|| value.startsWith("'") && value.endsWith("'"));
		return quoted ? value.substring(1, value.length() - 1) : value;
	}

	/**
	 * Returns the failure unchanged when no message in its chain (causes, suppressed and
	 * next SQL exceptions) shows a credential; otherwise a copy of the chain with every
	 * message masked, each link of the same class where it can be rebuilt (SQL state and
	 * error code kept), with the original stack traces.
	 * @param failure the failure
	 * @return the failure, safe to log or wrap
	 */
	public static Throwable masked(Throwable failure) {
		return masked(failure, List.of());
	}

	/**
	 * As {@link #masked(Throwable)}, masking also a known secret.
	 * @param failure the failure
	 * @param secret a known secret, as in {@link #mask(String, String)}
	 * @return the failure, safe to log or wrap
	 */
	public static Throwable masked(Throwable failure, @Nullable String secret) {
		return masked(failure, (secret != null) ? List.of(secret) : List.of());
	}

	/**
	 * As {@link #masked(Throwable)}, masking also known secrets.
	 * @param failure the failure
	 * @param secrets known secrets, as in {@link #mask(String, Collection)}
	 * @return the failure, safe to log or wrap
	 */
	public static Throwable masked(Throwable failure, Collection<String> secrets) {
		return shows(failure, secrets, 0) ? copy(failure, secrets, 0) : failure;
	}

	/**
	 * As {@link #masked(Throwable, Collection)}, for an {@link SQLException}.
	 * @param failure the failure
	 * @param secrets known secrets, as in {@link #mask(String, Collection)}
	 * @return the failure, safe to log or wrap
	 */
	public static SQLException masked(SQLException failure, Collection<String> secrets) {
		Throwable masked = masked((Throwable) failure, secrets);
		return (masked instanceof SQLException sql) ? sql : new SQLException(masked.getMessage(),
				failure.getSQLState(), failure.getErrorCode(), masked.getCause());
	}

	private static boolean shows(@Nullable Throwable failure, Collection<String> secrets, int depth) {
		if (failure == null || depth > MAX_DEPTH) {
			return false;
		}
		String message = failure.getMessage();
		if (message != null && !message.equals(mask(message, secrets))) {
			return true;
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (shows(suppressed, secrets, depth + 1)) {
				return true;
			}
		}
		if (failure instanceof SQLException sql && sql.getNextException() != null
				&& sql.getNextException() != sql.getCause() && shows(sql.getNextException(), secrets, depth + 1)) {
			return true;
		}
		return failure.getCause() != failure && shows(failure.getCause(), secrets, depth + 1);
	}

	private static Throwable copy(Throwable failure, Collection<String> secrets, int depth) {
		Throwable cause = failure.getCause();
		Throwable maskedCause = (cause != null && cause != failure && depth < MAX_DEPTH)
				? copy(cause, secrets, depth + 1) : null;
		String message = mask(failure.getMessage(), secrets);
		Throwable copy = rebuild(failure, message, maskedCause);
		copy.setStackTrace(failure.getStackTrace());
		for (Throwable suppressed : failure.getSuppressed()) {
			if (depth < MAX_DEPTH) {
				copy.addSuppressed(copy(suppressed, secrets, depth + 1));
			}
		}
		if (failure instanceof SQLException sql && copy instanceof SQLException sqlCopy
				&& sql.getNextException() != null && sql.getNextException() != cause && depth < MAX_DEPTH) {
			sqlCopy.setNextException((SQLException) copy(sql.getNextException(), secrets, depth + 1));
		}
		return copy;
	}

	private static Throwable rebuild(Throwable failure, @Nullable String message, @Nullable Throwable cause) {
		if (failure instanceof SQLException sql) {
			SQLException copy = construct(sql.getClass(), message, sql.getSQLState(), sql.getErrorCode(), cause);
			return (copy != null) ? copy : new SQLException(message, sql.getSQLState(), sql.getErrorCode(), cause);
		}
		Throwable copy = construct(failure.getClass(), message, cause);
		return (copy != null) ? copy : new MaskedFailure(failure.getClass().getName(), message, cause);
	}

	private static <T extends Throwable> @Nullable T construct(Class<T> type, @Nullable String message,
			@Nullable String state, int code, @Nullable Throwable cause) {
		try {
			Constructor<T> constructor = type.getConstructor(String.class, String.class, int.class, Throwable.class);
			return constructor.newInstance(message, state, code, cause);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static <T extends Throwable> @Nullable T construct(Class<T> type, @Nullable String message,
			@Nullable Throwable cause) {
		try {
			T copy = type.getConstructor(String.class, Throwable.class).newInstance(message, cause);
			// Some constructors build their own message from the arguments; accept only a faithful copy.
			return (Objects.equals(copy.getMessage(), message) && copy.getCause() == cause) ? copy : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A link of a chain that could not be rebuilt as its own class: reads as the original
	 * in a stack trace.
	 */
	private static final class MaskedFailure extends RuntimeException {

		private final String type;

		MaskedFailure(String type, @Nullable String message, @Nullable Throwable cause) {
			super(message, cause);
			this.type = type;
		}

		@Override
		public String toString() {
			String message = getLocalizedMessage();
			return (message != null) ? this.type + ": " + message : this.type;
		}

	}

}
