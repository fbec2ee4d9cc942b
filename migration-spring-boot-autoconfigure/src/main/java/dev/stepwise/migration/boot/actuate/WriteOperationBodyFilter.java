package dev.stepwise.migration.boot.actuate;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;

/**
 * Refuses a write request to the endpoint whose body is too large (413) or not a JSON
 * object of plain values (400), with a message, before Actuator reads it.
 * <p>
 * Why a servlet filter on the endpoint's paths: Actuator's web layer reads the body into a
 * map before any endpoint code runs, and answers a body it cannot read with a bare "Bad
 * Request" from Spring MVC, which neither the endpoint nor an
 * {@link org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor} can
 * see; a filter is the one place that sees the raw bytes. It runs after Spring Security,
 * so an unauthenticated caller learns nothing about the body rules.
 * <p>
 * It also refuses a body or query key named like one of the path's selectors
 * ({@code operation}): Actuator puts the path's values, then the body's, then the query's
 * into one map, so {@code {"operation": "rollback", "count": 1}} sent to
 * {@code /actuator/migrations/migrate} would roll back.
 */
public final class WriteOperationBodyFilter implements Filter {

	/** The largest body a write operation accepts: its inputs are a few short values. */
	public static final int MAX_BODY_BYTES = 16 * 1024;

	private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** The names the path gives values to, which no body or query key may replace. */
	private final Set<String> pathKeys;

	private WriteOperationBodyFilter(Set<String> pathKeys) {
		this.pathKeys = Set.copyOf(pathKeys);
	}

	/**
	 * The filter for an endpoint's write and delete operations.
	 * @param endpointType the endpoint's class, whose operations' {@link Selector} parameters
	 * name the path's values
	 * @return the filter
	 */
	public static WriteOperationBodyFilter forEndpoint(Class<?> endpointType) {
		Set<String> selectors = new LinkedHashSet<>();
		for (Method method : endpointType.getMethods()) {
			if (method.isAnnotationPresent(WriteOperation.class) || method.isAnnotationPresent(DeleteOperation.class)) {
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(Selector.class)) {
						// Compiled with -parameters, as Actuator needs to bind anything by name.
						selectors.add(parameter.getName());
					}
				}
			}
		}
		return new WriteOperationBodyFilter(selectors);
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest http) || WITHOUT_BODY.contains(http.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletResponse httpResponse = (HttpServletResponse) response;
		long declaredLength = http.getContentLengthLong();
		byte[] body = (declaredLength > MAX_BODY_BYTES) ? null : readAtMost(http.getInputStream(), MAX_BODY_BYTES);
		if (body == null) {
			refuse(httpResponse, 413, "The body of " + http.getMethod() + " " + InputEcho.cut(http.getRequestURI(), 200)
					+ " is larger than " + MAX_BODY_BYTES + " bytes, the most a write operation accepts"
					+ "; nothing was changed. Send only the keys the operation takes, for example {\"count\": 1}");
			return;
		}
		// The parameters Actuator reads too: the query's (a form body, read above, is refused below as not JSON).
		String queryKey = pathKeyIn(http.getParameterMap().keySet());
		if (queryKey != null) {
			refuseReplacedPathKey(http, httpResponse, queryKey, "query");
			return;
		}
		JsonBody parsed = JsonBody.of(new String(body, StandardCharsets.UTF_8));
		String problem = parsed.problem();
		if (problem != null) {
			refuse(httpResponse, 400, problem + "; nothing was changed. Send a JSON object such as"
					+ " {\"count\": 1, \"dryRun\": true}, with the header Content-Type: application/json");
			return;
		}
		String bodyKey = pathKeyIn(parsed.values().keySet());
		if (bodyKey != null) {
			refuseReplacedPathKey(http, httpResponse, bodyKey, "body");
			return;
		}
		chain.doFilter(new CachedBodyRequest(http, body), response);
	}

	/**
	 * Reads the body, or returns {@code null} when it is longer than the limit (a client may
	 * send no Content-Length, so the limit is also enforced while reading).
	 */
	private static byte @Nullable [] readAtMost(InputStream input, int limit) throws IOException {
		byte[] read = input.readNBytes(limit + 1);
		return (read.length > limit) ? null : read;
	}

	/**
	 * A body read as the flat JSON object a write operation takes, or why it is not one.
	 *
	 * @param values its keys and values; empty when it is empty or has a problem
	 * @param problem what is wrong with it, {@code null} when nothing is
	 */
	private record JsonBody(Map<String, Object> values, @Nullable String problem) {

		static JsonBody of(String body) {
			String trimmed = body.strip();
			if (trimmed.isEmpty()) {
				// Actuator binds no body to no arguments; the operation says what it misses.
				return new JsonBody(Map.of(), null);
			}
			if (!trimmed.startsWith("{")) {
				return refused("The body must be a JSON object ({...}), not " + InputEcho.quoted(trimmed));
			}
			Map<String, Object> values;
			try {
				JsonParser parser = JsonParserFactory.getJsonParser();
				values = parser.parseMap(trimmed);
			}
			catch (IllegalArgumentException ex) {
				return refused("The body is not valid JSON: " + parseError(ex));
			}
			for (Map.Entry<String, Object> entry : values.entrySet()) {
				Object value = entry.getValue();
				if (value instanceof Map || value instanceof Iterable) {
					return refused(InputEcho.quoted(entry.getKey()) + " must be a single value (a string, a number, true"
							+ " or false), not " + ((value instanceof Map) ? "an object" : "an array"));
				}
			}
			return new JsonBody(values, null);
		}

		private static JsonBody refused(String problem) {
			return new JsonBody(Map.of(), problem);
		}

	}

	private @Nullable String pathKeyIn(Set<String> keys) {
		for (String key : keys) {
			if (this.pathKeys.contains(key)) {
				return key;
			}
		}
		return null;
	}

	private static void refuseReplacedPathKey(HttpServletRequest request, HttpServletResponse response, String key,
			String where) throws IOException {
		refuse(response, 400, InputEcho.quoted(key) + " in the " + where + " would replace the " + key + " that the path"
				+ " names (" + request.getMethod() + " " + InputEcho.cut(request.getRequestURI(), 200)
				+ "); nothing was changed. Name it in the path only, for example POST .../rollback with the body"
				+ " {\"count\": 1}");
	}

	/**
	 * The parser's own words, where in the body it stopped, without the body itself.
	 */
	private static String parseError(Exception ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String message = String.valueOf(cause.getMessage());
		int newline = message.indexOf('\n');
		String first = (newline >= 0) ? message.substring(0, newline) : message;
		String location = "";
		int at = message.lastIndexOf("line: ");
		if (at >= 0) {
			int end = message.indexOf(']', at);
			location = " (at " + message.substring(at, (end > at) ? end : message.length()) + ")";
		}
		return InputEcho.cut(first.strip(), 200) + InputEcho.cut(location, 60);
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + escape(message) + "\"}");
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/**
	 * The request with its body already read, for Actuator to read again.
	 */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream input = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return input.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return input.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return input.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
