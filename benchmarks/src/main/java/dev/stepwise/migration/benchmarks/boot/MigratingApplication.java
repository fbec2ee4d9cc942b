package dev.stepwise.migration.benchmarks.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of the Stepwise and Flyway variants: auto-configuration only, so the
 * migration tool on its class path (the only difference between the two) checks the
 * database before the application is ready.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class MigratingApplication {

	public static void main(String[] args) {
		ReadySignal.runAndExit(MigratingApplication.class, args);
	}

}
