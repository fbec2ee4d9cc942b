package dev.stepwise.migration.boot.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.stepwise.migration.boot.actuate.StepwiseEndpoint.ErrorDescriptor;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameter;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * Makes every write and delete operation of the given endpoints refuse, with a 400 that
 * names the key, an input key that the operation does not declare or a value that does not
 * fit the declared type, before the operation runs.
 * <p>
 * Why an {@link OperationInvokerAdvisor}: Actuator binds the JSON body, the path and the
 * query to an operation's parameters by name and silently drops every other key, and its
 * converter reads {@code ""} as a {@code null} Boolean, so {@code {"count": 1, "dryrun":
 * true}} would run a real rollback. The advisor is the one hook that sees both the raw
 * arguments and each operation's declared parameters, for every operation that exists
 * now or is added later, so the rule needs no per-operation list. It does not see the raw
 * body: {@link WriteOperationBodyFilter} handles malformed and oversized bodies.
 */
public final class StrictWriteOperationAdvisor implements OperationInvokerAdvisor {

	private final Set<EndpointId> endpoints;

	/**
	 * Creates the advisor.
	 * @param endpoints the endpoints whose write and delete operations are checked
	 */
	public StrictWriteOperationAdvisor(Set<EndpointId> endpoints) {
		this.endpoints = Set.copyOf(endpoints);
	}

	@Override
	public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
			OperationInvoker invoker) {
		if (operationType == OperationType.READ || !this.endpoints.contains(endpointId)) {
			return invoker;
		}
		Map<String, Class<?>> declared = new LinkedHashMap<>();
		List<String> keys = new ArrayList<>();
		for (OperationParameter parameter : parameters) {
			declared.put(parameter.getName(), parameter.getType());
			if (parameter.getAnnotation(Selector.class) == null) {
				keys.add(parameter.getName());
			}
		}
		return (context) -> {
			String problem = problem(declared, keys, context.getArguments());
			if (problem != null) {
				int status = WebEndpointResponse.STATUS_BAD_REQUEST;
				return new WebEndpointResponse<>(new ErrorDescriptor(status, problem + "; nothing was changed"), status);
			}
			return invoker.invoke(context);
		};
	}

	private static @Nullable String problem(Map<String, Class<?>> declared, List<String> keys,
			Map<String, @Nullable Object> arguments) {
		List<String> unknown = arguments.keySet().stream().filter((key) -> !declared.containsKey(key)).toList();
		if (!unknown.isEmpty()) {
			return unknownKeys(unknown, keys);
		}
		for (Map.Entry<String, @Nullable Object> argument : arguments.entrySet()) {
			Object value = argument.getValue();
			Class<?> type = declared.get(argument.getKey());
			// A null flag would read as "not given": {"dryRun": null} must not run for real.
			String expected = (value != null) ? mismatch(type, value) : (isBoolean(type) ? "true or false" : null);
			if (expected != null) {
				return "\"" + argument.getKey() + "\" must be " + expected + ", got "
						+ ((value != null) ? InputEcho.quoted(value) : "null");
			}
		}
		return null;
	}

	private static String unknownKeys(List<String> unknown, List<String> keys) {
		String named = unknown.stream().limit(5).map(InputEcho::quoted).collect(Collectors.joining(", "));
		StringBuilder message = new StringBuilder((unknown.size() == 1) ? "Unknown key " : "Unknown keys ").append(named);
		if (unknown.size() > 5) {
			message.append(" and ").append(unknown.size() - 5).append(" more");
		}
		String suggestion = suggestion(unknown.get(0), keys);
		if (suggestion != null) {
			message.append(" (did you mean \"").append(suggestion).append("\"?)");
		}
		message.append(": this operation takes ")
			.append(keys.isEmpty() ? "no keys"
					: keys.stream().map((key) -> "\"" + key + "\"").collect(Collectors.joining(", ")));
		return message.toString();
	}

	/**
	 * A declared key that the unknown one spells differently only in case, {@code _} or
	 * {@code -}: {@code dryrun} and {@code dry_run} for {@code dryRun}.
	 */
	private static @Nullable String suggestion(String unknown, List<String> keys) {
		String normalized = normalize(unknown);
		return keys.stream().filter((key) -> normalize(key).equals(normalized)).findFirst().orElse(null);
	}

	private static String normalize(String key) {
		return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * What the value should have been, or {@code null} when it fits. Actuator's web layer
	 * hands over JSON scalars as strings, so {@code true} and {@code "true"} both arrive as
	 * {@code "true"}; types not listed are left to Actuator's own conversion.
	 */
	private static @Nullable String mismatch(@Nullable Class<?> type, Object value) {
		if (isBoolean(type)) {
			return (value instanceof Boolean || "true".equals(value) || "false".equals(value)) ? null : "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return isWholeNumber(value, type == Integer.class || type == int.class) ? null : "a whole number";
		}
		if (type == String.class) {
			return (value instanceof String) ? null : "a single string";
		}
		return null;
	}

	private static boolean isBoolean(@Nullable Class<?> type) {
		return type == Boolean.class || type == boolean.class;
	}

	private static boolean isWholeNumber(Object value, boolean intRange) {
		if (value instanceof Integer || value instanceof Long) {
			return !intRange || value instanceof Integer;
		}
		if (!(value instanceof String text) || !text.matches("-?[0-9]{1,19}")) {
			return false;
		}
		try {
			if (intRange) {
				Integer.parseInt(text);
			}
			else {
				Long.parseLong(text);
			}
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
