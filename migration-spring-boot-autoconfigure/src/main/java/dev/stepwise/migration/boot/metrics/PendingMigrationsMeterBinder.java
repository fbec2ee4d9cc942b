package dev.stepwise.migration.boot.metrics;

import dev.stepwise.migration.Stepwise;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Binds the gauge {@code stepwise.migrations.pending}, tagged with the engine's bean name:
 * how many migrations the next migrate would apply.
 * <p>
 * The engines are looked up by name when the gauge is read rather than injected, because
 * the engines themselves depend on the meter registry through
 * {@link StepwiseMetricsListener}.
 */
public class PendingMigrationsMeterBinder implements MeterBinder {

	private final ListableBeanFactory beanFactory;

	/**
	 * Creates a binder of the engines in {@code beanFactory}.
	 * @param beanFactory where the {@link Stepwise} beans are
	 */
	public PendingMigrationsMeterBinder(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String name : this.beanFactory.getBeanNamesForType(Stepwise.class, false, false)) {
			Gauge.builder("stepwise.migrations.pending", () -> pending(name))
				.description("Migrations that the next migrate would apply")
				.tag("engine", name)
				.register(registry);
		}
	}

	private double pending(String name) {
		try {
			return this.beanFactory.getBean(name, Stepwise.class).info().pending().size();
		}
		catch (RuntimeException ex) {
			// A database that cannot be read has no known count; NaN tells the backend so.
			return Double.NaN;
		}
	}

}
