package dev.stepwise.migration.benchmarks.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints {@value #MARKER} the moment the application is ready: the benchmark, which reads
 * the JVM's output, stops its clock there. Then it prints the CPU time the JVM has used (a
 * figure that a busy machine disturbs less than the wall clock), and the application closes
 * and the JVM ends.
 */
public final class ReadySignal implements ApplicationListener<ApplicationReadyEvent> {

	/** The line printed on {@link ApplicationReadyEvent}. */
	public static final String MARKER = "stepwise-benchmark-ready";

	/** The line that follows {@link #MARKER}, before the CPU milliseconds used so far. */
	public static final String CPU_PREFIX = "stepwise-benchmark-cpu-ms=";

	private ReadySignal() {
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		System.out.println(MARKER);
		System.out.flush();
		ProcessHandle.current()
			.info()
			.totalCpuDuration()
			.ifPresent((cpu) -> System.out.println(CPU_PREFIX + cpu.toMillis()));
	}

	/** Runs the application until it is ready, then closes it and exits with its exit code. */
	static void runAndExit(Class<?> application, String[] args) {
		SpringApplication spring = new SpringApplication(application);
		spring.addListeners(new ReadySignal());
		ConfigurableApplicationContext context = spring.run(args);
		System.exit(SpringApplication.exit(context));
	}

}
