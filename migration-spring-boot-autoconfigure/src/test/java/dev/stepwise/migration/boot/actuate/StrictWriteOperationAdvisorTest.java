package dev.stepwise.migration.boot.actuate;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stepwise.migration.boot.actuate.StepwiseEndpoint.ErrorDescriptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.reflect.OperationMethod;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule comes from each operation's declared parameters: any write operation, the
 * endpoint's own and one added later, refuses keys it does not declare and values that do
 * not fit, without running.
 */
class StrictWriteOperationAdvisorTest {

	private static final EndpointId MIGRATIONS = EndpointId.of("migrations");

	private final StrictWriteOperationAdvisor advisor = new StrictWriteOperationAdvisor(Set.of(MIGRATIONS));

	private final AtomicInteger invocations = new AtomicInteger();

	@Test
	void theEndpointsWriteOperationRefusesMisspelledKeysNamingThem() {
		OperationInvoker invoker = advise(operate(), OperationType.WRITE);
		for (String key : List.of("dryrun", "dry_run", "DRYRUN", "dry-run")) {
			String message = refusal(invoker, Map.of("operation", "rollback", "count", "1", key, "true"));
			assertThat(message).contains("\"" + key + "\"", "did you mean \"dryRun\"", "\"target\", \"count\"",
					"nothing was changed");
		}
		assertThat(this.invocations).hasValue(0);
	}

	@Test
	void theEndpointsWriteOperationRefusesValuesOfTheWrongType() {
		OperationInvoker invoker = advise(operate(), OperationType.WRITE);
		assertThat(refusal(invoker, Map.of("operation", "rollback", "count", "1", "dryRun", "")))
			.contains("\"dryRun\" must be true or false, got \"\"");
		assertThat(refusal(invoker, Map.of("operation", "rollback", "count", "1", "dryRun", "yes")))
			.contains("\"dryRun\" must be true or false");
		Map<String, @Nullable Object> nullFlag = new HashMap<>();
		nullFlag.put("operation", "rollback");
		nullFlag.put("count", "1");
		nullFlag.put("dryRun", null);
		assertThat(refusal(invoker, nullFlag)).contains("\"dryRun\" must be true or false, got null");
		assertThat(refusal(invoker, Map.of("operation", "rollback", "count", "x"))).contains("\"count\" must be a whole number");
		assertThat(refusal(invoker, Map.of("operation", "rollback", "count", "99999999999")))
			.contains("\"count\" must be a whole number");
		assertThat(refusal(invoker, Map.of("operation", "rollback", "count", List.of("1", "2"))))
			.contains("\"count\" must be a whole number");
		assertThat(this.invocations).hasValue(0);
	}

	@Test
	void aWriteOperationAddedLaterGetsTheSameRuleFromItsOwnParameters() {
		OperationInvoker invoker = advise(method(LaterEndpoint.class, "repair"), OperationType.WRITE);
		assertThat(refusal(invoker, Map.of("operation", "repair", "dryRun", "true", "count", "1")))
			.contains("Unknown key \"count\"", "\"dryRun\", \"markAs\"");
		assertThat(refusal(invoker, Map.of("operation", "repair", "dryRun", "1"))).contains("\"dryRun\" must be true or false");
		invoker.invoke(context(Map.of("operation", "repair", "dryRun", "true", "markAs", "APPLIED")));
		assertThat(this.invocations).hasValue(1);
	}

	@Test
	void aWellFormedBodyRunsTheOperation() {
		OperationInvoker invoker = advise(operate(), OperationType.WRITE);
		Map<String, @Nullable Object> arguments = new HashMap<>();
		arguments.put("operation", "rollback");
		arguments.put("count", "2");
		arguments.put("dryRun", "false");
		arguments.put("engine", null);
		invoker.invoke(context(arguments));
		invoker.invoke(context(Map.of("operation", "rollback", "count", 2, "dryRun", Boolean.TRUE)));
		assertThat(this.invocations).hasValue(2);
	}

	@Test
	void leavesReadOperationsAndOtherEndpointsAlone() {
		OperationInvoker counting = (context) -> this.invocations.incrementAndGet();
		OperationMethod operate = operate();
		assertThat(this.advisor.apply(MIGRATIONS, OperationType.READ, operate.getParameters(), counting))
			.isSameAs(counting);
		assertThat(this.advisor.apply(EndpointId.of("loggers"), OperationType.WRITE, operate.getParameters(), counting))
			.isSameAs(counting);
	}

	@Test
	void cutsALongInputInTheMessage() {
		OperationInvoker invoker = advise(operate(), OperationType.WRITE);
		String message = refusal(invoker, Map.of("operation", "rollback", "count", "1", "x".repeat(10_000), "1"));
		assertThat(message).hasSizeLessThan(400).contains("(10000 characters)");
	}

	private OperationInvoker advise(OperationMethod method, OperationType type) {
		return this.advisor.apply(MIGRATIONS, type, method.getParameters(),
				(context) -> this.invocations.incrementAndGet());
	}

	private static String refusal(OperationInvoker invoker, Map<String, Object> arguments) {
		Object result = invoker.invoke(context(arguments));
		assertThat(result).isInstanceOf(WebEndpointResponse.class);
		WebEndpointResponse<?> response = (WebEndpointResponse<?>) result;
		assertThat(response.getStatus()).isEqualTo(400);
		return ((ErrorDescriptor) response.getBody()).message();
	}

	private static InvocationContext context(Map<String, ? extends @Nullable Object> arguments) {
		return new InvocationContext(SecurityContext.NONE, new HashMap<>(arguments));
	}

	private static OperationMethod operate() {
		return method(StepwiseEndpoint.class, "operate");
	}

	private static OperationMethod method(Class<?> type, String name) {
		Method method = ReflectionUtils.findMethod(type, name, (Class<?>[]) null);
		assertThat(method).isNotNull();
		return new OperationMethod(method, OperationType.WRITE);
	}

	static class LaterEndpoint {

		public Object repair(@Selector String operation, @Nullable Boolean dryRun, @Nullable String markAs) {
			return operation;
		}

	}

}
