package dev.stepwise.migration.boot.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import dev.stepwise.migration.Stepwise;
import dev.stepwise.migration.api.BackfillProgress;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationEvent;
import dev.stepwise.migration.api.StepwiseListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
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
 * gauges are bound, this listener adds the gauges of new backfills, and removes those of
 * forgotten ones, after each migration and rollback of the engines it is given to (the
 * auto-configured engine). As in {@link PendingMigrationsMeterBinder}, engines are looked
 * up by name when a gauge is read.
 */
public class ExpansionMeterBinder implements MeterBinder, StepwiseListener {

	private final ListableBeanFactory beanFactory;

	private final Map<BackfillKey, List<Meter>> backfillGauges = new HashMap<>();

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

	/**
	 * Registers the gauges of backfills that appeared, and removes those of backfills that
	 * are gone (an undone expand forgets its backfill), whose values would otherwise be
	 * unknown forever.
	 */
	private synchronized void bindBackfills(MeterRegistry registry) {
		Set<BackfillKey> current = new HashSet<>();
		for (String engine : engineNames()) {
			List<BackfillProgress> backfills = backfills(engine);
			if (backfills == null) {
				// Unreadable now: keep its gauges, the next migration or rollback looks again.
				this.backfillGauges.keySet().stream().filter((key) -> key.engine().equals(engine)).forEach(current::add);
				continue;
			}
			for (BackfillProgress backfill : backfills) {
				BackfillKey key = new BackfillKey(engine, backfill.name());
				current.add(key);
				this.backfillGauges.computeIfAbsent(key, (added) -> register(registry, added));
			}
		}
		this.backfillGauges.entrySet().removeIf((entry) -> {
			boolean gone = !current.contains(entry.getKey());
			if (gone) {
				entry.getValue().forEach(registry::remove);
			}
			return gone;
		});
	}

	private List<Meter> register(MeterRegistry registry, BackfillKey key) {
		Gauge done = Gauge
			.builder("stepwise.backfill.rows.done", () -> progress(key, BackfillProgress::rowsDone))
			.description("Rows a backfill has walked so far")
			.tags("engine", key.engine(), "backfill", key.name())
			.register(registry);
		Gauge estimated = Gauge
			.builder("stepwise.backfill.rows.estimated",
					() -> progress(key, (progress) -> (progress.estimatedTotal() >= 0) ? progress.estimatedTotal()
							: Double.NaN))
			.description("Estimated rows of a backfill's table when it started")
			.tags("engine", key.engine(), "backfill", key.name())
			.register(registry);
		return List.of(done, estimated);
	}

	private String[] engineNames() {
		return this.beanFactory.getBeanNamesForType(Stepwise.class, false, false);
	}

	private @Nullable List<BackfillProgress> backfills(String engine) {
		try {
			return this.beanFactory.getBean(engine, Stepwise.class).backfills();
		}
		catch (RuntimeException ex) {
			return null;
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

	private double progress(BackfillKey key, ToDoubleFunction<BackfillProgress> value) {
		List<BackfillProgress> backfills = backfills(key.engine());
		if (backfills == null) {
			return Double.NaN;
		}
		return backfills.stream()
			.filter((backfill) -> backfill.name().equals(key.name()))
			.mapToDouble(value)
			.findFirst()
			.orElse(Double.NaN);
	}

	private record BackfillKey(String engine, String name) {

	}

}
