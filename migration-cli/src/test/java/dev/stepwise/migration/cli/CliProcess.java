package dev.stepwise.migration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code stepwise} jar as its own process, as a pipeline would.
 */
final class CliProcess {

	// A bound on a hung process, not a timed assertion: a run here takes seconds.
	private static final long LIMIT_SECONDS = 180;

	private CliProcess() {
	}

	static Path jar() {
		String jar = System.getProperty("stepwise.cli.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("The packaged jar is missing (" + jar + "): run these tests with"
					+ " 'mvn verify', which packages it before the integration-test phase.");
		}
		return Path.of(jar);
	}

	static Result run(Path workingDirectory, Map<String, String> environment, String... args) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xshare:auto", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
		command.addAll(Arrays.asList(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
		// A clean environment, so that a developer's STEPWISE_* variables cannot leak in.
		builder.environment().keySet().removeIf((name) -> name.startsWith("STEPWISE_"));
		builder.environment().putAll(environment);
		try {
			Path out = Files.createTempFile(workingDirectory, "out", ".txt");
			Path err = Files.createTempFile(workingDirectory, "err", ".txt");
			builder.redirectOutput(out.toFile()).redirectError(err.toFile());
			Process process = builder.start();
			if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("stepwise " + String.join(" ", args) + " did not exit within "
						+ LIMIT_SECONDS + " s");
			}
			Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8), String.join(" ", args));
			Files.delete(out);
			Files.delete(err);
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a run printed and how it exited.
	 */
	record Result(int exitCode, String out, String err, String command) {

		@Override
		public String toString() {
			return "stepwise " + this.command + " exited " + this.exitCode + "\n--- stdout:\n" + this.out
					+ "\n--- stderr:\n" + this.err;
		}

		/** The lines of standard error that are not blank. */
		List<String> errorLines() {
			return this.err.lines().filter((line) -> !line.isBlank()).toList();
		}

	}

}
