package dev.stepwise.migration.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.api.MigrationValidationException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code stepwise} command: migrations from a shell, a pipeline or a Kubernetes Job.
 */
@Command(name = "stepwise", mixinStandardHelpOptions = true, versionProvider = StepwiseCommand.Version.class,
		description = "Database migrations with rollback, outside the application.",
		footer = { "", "Exit codes:", "  0  done", "  1  a migration or its rollback failed", "  2  bad usage or configuration",
				"  3  validation failed", "  4  lock not obtained", "  5  refused, nothing changed",
				"  6  database unreachable or credentials refused" })
public final class StepwiseCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.@Nullable CommandSpec spec;

	/** Runs the command line and exits with its exit code. */
	public static void main(String[] args) {
		System.exit(execute(args));
	}

	/**
	 * Runs the command line on the process's standard streams.
	 * @param args the arguments
	 * @return the exit code
	 */
	public static int execute(String... args) {
		CommandLine commandLine = new CommandLine(new StepwiseCommand());
		addCommands(commandLine, args);
		commandLine.setExecutionExceptionHandler(StepwiseCommand::failed);
		commandLine.setParameterExceptionHandler(StepwiseCommand::misused);
		return commandLine.execute(args);
	}

	/**
	 * Adds the command that the arguments name, or every command when they name none or an
	 * unknown one (for the usage and the error that lists them): picocli builds a command's
	 * model by reflection, and building all of them cost a run more than the one it runs.
	 */
	private static void addCommands(CommandLine commandLine, String[] args) {
		Map<String, Supplier<Object>> commands = commands();
		for (String arg : args) {
			if (!arg.startsWith("-")) {
				Supplier<Object> named = commands.get(arg);
				if (named != null) {
					commandLine.addSubcommand(arg, named.get());
					return;
				}
				break;
			}
		}
		commands.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
	}

	/** Every command by name, in the order the usage lists them. */
	private static Map<String, Supplier<Object>> commands() {
		Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
		commands.put("migrate", MigrateCommand::new);
		commands.put("info", InfoCommand::new);
		commands.put("validate", ValidateCommand::new);
		commands.put("rollback", RollbackCommand::new);
		commands.put("baseline", BaselineCommand::new);
		commands.put("repair", RepairCommand::new);
		commands.put("contract", ContractCommand::new);
		commands.put("backfills", BackfillsCommand::new);
		commands.put("instances", InstancesCommand::new);
		commands.put("generate", GenerateCommand::new);
		commands.put("diff", DiffCommand::new);
		return commands;
	}

	@Override
	public void run() {
		// No command: say which exist.
		CommandLine commandLine = java.util.Objects.requireNonNull(this.spec).commandLine();
		commandLine.usage(commandLine.getErr());
		throw new ParameterException(commandLine, "Name a command, such as stepwise migrate or stepwise info.");
	}

	private static int misused(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		String command = commandLine.getCommandSpec().qualifiedName();
		// Picocli starts some messages with its own "Error: ".
		String message = ex.getMessage().replaceFirst("^Error: ", "");
		if (ex instanceof UnmatchedArgumentException unmatched && commandLine.getCommand() instanceof StepwiseCommand
				&& !unmatched.getUnmatched().isEmpty()) {
			message = "Unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
					+ String.join(", ", commandLine.getSubcommands().keySet());
		}
		commandLine.getErr().println("Error: " + masked(message, null) + ". Run '" + command
				+ " --help' for usage.");
		commandLine.getErr().flush();
		return ExitCode.USAGE.code();
	}

	private static int failed(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		ExitCode exitCode = ExitCodes.of(ex);
		boolean json = false;
		boolean stacktrace = false;
		@Nullable String password = null;
		if (commandLine.getCommand() instanceof EngineCommand command) {
			json = command.options.json;
			stacktrace = command.options.stacktrace;
			password = command.password;
		}
		String message = masked(String.valueOf(ex.getMessage()), password);
		PrintWriter err = commandLine.getErr();
		err.println("Error: " + message);
		if (stacktrace) {
			// The messages of causes may carry a URL with its password too.
			StringWriter trace = new StringWriter();
			ex.printStackTrace(new PrintWriter(trace));
			err.print(masked(trace.toString(), password));
		}
		err.flush();
		if (json) {
			Map<String, @Nullable Object> error = new LinkedHashMap<>();
			error.put("exitCode", exitCode.code());
			error.put("kind", exitCode.name());
			error.put("message", message);
			if (ex instanceof MigrationValidationException validation) {
				error.put("problems", validation.problems());
			}
			commandLine.getOut().println(Json.write(Map.of("error", error)));
			commandLine.getOut().flush();
		}
		return exitCode.code();
	}

	/**
	 * The text with every credential masked as the engine masks them in its own messages:
	 * URL passwords by their pattern, the configured password wherever a driver repeats it.
	 */
	static String masked(String text, @Nullable String password) {
		return java.util.Objects.requireNonNull(CredentialMask.mask(text, password));
	}

	/** The version from the jar's manifest. */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = StepwiseCommand.class.getPackage().getImplementationVersion();
			return new String[] { "stepwise " + ((version != null) ? version : "(development build)") };
		}

	}

}
