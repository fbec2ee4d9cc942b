package dev.stepwise.migration.boot.metrics;

import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.stepwise.migration.MigrationEvent;
import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.StepwiseListener;
import dev.stepwise.migration.backfill.BackfillProgress;
import dev.stepwise.migration.expand.ExpansionState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Binds the gauges of zero-downtime changes, tagged with the engine's bean name:
 * <ul>
 * <li>{@code stepwise.expansions.in.flight}: column changes expanded and not yet
 * contracted;</li>
 * <li>{@code stepwise.backfill.rows.done} and {@code stepwise.backfill.rows.estimated},
 * also tagged {@code backfill} with the backfill's name: its progress.</li>
 * </ul>
 * A backfill first appears when a migration runs it, so besides those found when the
 * gauges are bound, this listener adds the gauges of new backfills after each migration
 * and rollback of the engines it is given to (the auto-configured engine). As in
 * {@link PendingMigrationsMeterBinder}, engines are looked up by name when a gauge is read.
 */
public class ExpansionMeterBinder implements MeterBinder, StepwiseListener {

	private final ListableBeanFactory beanFactory;

	private volatile @Nullable MeterRegistry registry;

	/**
	 * Creates a binder of the engines in {@code beanFactory}.
	 * @param beanFactory where the {@link Stepwise} beans are
	 */
	public ExpansionMeterBinder(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		for (String engine : engineNames()) {
			Gauge.builder("stepwise.expansions.in.flight", () -> expansionsInFlight(engine))
				.description("Column changes expanded and not yet contracted")
				.tag("engine", engine)
				.register(registry);
		}
		bindBackfills(registry);
	}

	@Override
	public void afterMigrate(MigrationEvent migration, Duration executionTime) {
		bindNewBackfills();
	}

	@Override
	public void afterRollback(MigrationEvent migration, Duration executionTime) {
		bindNewBackfills();
	}

	private void bindNewBackfills() {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			bindBackfills(registry);
		}
	}

	/** Registers the gauges of every backfill; a registry keeps the first gauge of each name and tags. */
	private void bindBackfills(MeterRegistry registry) {
		for (String engine : engineNames()) {
			for (BackfillProgress backfill : backfills(engine)) {
				String name = backfill.name();
				Gauge.builder("stepwise.backfill.rows.done", () -> progress(engine, name, BackfillProgress::rowsDone))
					.description("Rows a backfill has walked so far")
					.tags("engine", engine, "backfill", name)
					.register(registry);
				Gauge.builder("stepwise.backfill.rows.estimated",
						() -> progress(engine, name, (progress) -> (progress.estimatedTotal() >= 0)
								? progress.estimatedTotal() : Double.NaN))
					.description("Estimated rows of a backfill's table when it started")
					.tags("engine", engine, "backfill", name)
					.register(registry);
			}
		}
	}

	private String[] engineNames() {
		return this.beanFactory.getBeanNamesForType(Stepwise.class, false, false);
	}

	private List<BackfillProgress> backfills(String engine) {
		try {
			return this.beanFactory.getBean(engine, Stepwise.class).backfills();
		}
		catch (RuntimeException ex) {
			// No gauges now; the next migration or rollback tries again.
			return List.of();
		}
	}

	private double expansionsInFlight(String engine) {
		try {
			return this.beanFactory.getBean(engine, Stepwise.class)
				.expansions()
				.stream()
				.filter((expansion) -> expansion.state() == ExpansionState.EXPANDED)
				.count();
		}
		catch (RuntimeException ex) {
			// A database that cannot be read has no known count; NaN tells the backend so.
			return Double.NaN;
		}
	}

	private double progress(String engine, String name, ToDoubleFunction<BackfillProgress> value) {
		return backfills(engine).stream()
			.filter((backfill) -> backfill.name().equals(name))
			.mapToDouble(value)
			.findFirst()
			.orElse(Double.NaN);
	}

}
