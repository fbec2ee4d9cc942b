package dev.stepwise.migration.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stepwise.migration.benchmarks.boot.ReadySignal;
import org.jspecify.annotations.Nullable;

/**
 * Launches one application JVM and times it from process start to the line that
 * {@link ReadySignal} prints on {@code ApplicationReadyEvent}; then waits for the JVM to end,
 * so that no two launches overlap. A JVM that is not done within the timeout is killed.
 */
final class ApplicationLaunch {

	private static final long TIMEOUT_SECONDS = 180;

	private static final int TAIL_LINES = 60;

	// Spring Boot's own "Started ... in 1.234 seconds (process running for 1.567)".
	private static final Pattern PROCESS_RUNNING = Pattern.compile("process running for (\\d+(?:\\.\\d+)?)");

	private ApplicationLaunch() {
	}

	static Result run(List<String> command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		long start = System.nanoTime();
		Process process = builder.start();
		Thread watchdog = watchdog(process);
		long ready = -1;
		@Nullable Double bootReported = null;
		@Nullable Double cpu = null;
		Deque<String> tail = new ArrayDeque<>();
		try (BufferedReader output = process.inputReader()) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (ready < 0 && line.equals(ReadySignal.MARKER)) {
					ready = System.nanoTime() - start;
				}
				if (line.startsWith(ReadySignal.CPU_PREFIX)) {
					cpu = Double.parseDouble(line.substring(ReadySignal.CPU_PREFIX.length()));
				}
				Matcher running = PROCESS_RUNNING.matcher(line);
				if (running.find()) {
					bootReported = Double.parseDouble(running.group(1)) * 1000;
				}
				tail.addLast(line);
				if (tail.size() > TAIL_LINES) {
					tail.removeFirst();
				}
			}
		}
		int exitCode = process.waitFor();
		watchdog.interrupt();
		if (ready < 0 || exitCode != 0) {
			throw new IllegalStateException("The application " + ((ready < 0) ? "never got ready" : "ended with "
					+ exitCode) + ": " + String.join(" ", command) + "\n--- its last lines ---\n"
					+ String.join("\n", tail));
		}
		return new Result(ready, cpu, bootReported, List.copyOf(tail));
	}

	private static Thread watchdog(Process process) {
		Thread watchdog = new Thread(() -> {
			try {
				if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "launch-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		return watchdog;
	}

	/**
	 * One launch: nanoseconds from process start to ready, the CPU milliseconds the JVM had
	 * used when ready, what Spring Boot itself reported as the process's running time in
	 * milliseconds (each if known), and its last lines.
	 */
	record Result(long readyNanos, @Nullable Double cpuMillis, @Nullable Double bootReportedMillis,
			List<String> tail) {
	}

}
