package dev.stepwise.migration.backfill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's rules, fed the outcome of batches: it rises a level per batch under
 * pressure (writers waiting, or batches running over twice their target), and
 * falls a level per batch without, resting longer the higher it is.
 */
class ThrottleTest {

	private final List<Integer> levels = new ArrayList<>();

	private final Throttle throttle = new Throttle("accounts.shout", Duration.ofMillis(2), Duration.ofMillis(30),
			(level, waiters, drifting) -> this.levels.add(level));

	@Test
	void batchesRunningOverTwiceTheTargetRaiseItAndSteadyOnesLowerIt() {
		for (int i = 0; i < 5; i++) {
			this.throttle.batchDone(30_000_000, 0);
		}
		for (int i = 0; i < 3; i++) {
			this.throttle.batchDone(61_000_000, 0);
		}
		assertThat(this.throttle.level()).isEqualTo(3);
		for (int i = 0; i < 8; i++) {
			this.throttle.batchDone(10_000_000, 0);
		}
		assertThat(this.levels.subList(0, 5)).containsOnly(0);
		assertThat(this.throttle.level()).isZero();
	}

	@Test
	void theRestDoublesPerLevelFromAThirdOfTheTargetAndIsThePauseWithoutPressure() {
		assertThat(this.throttle.batchDone(10_000_000, 1)).isEqualTo(Duration.ofMillis(20));
		assertThat(this.throttle.batchDone(10_000_000, 1)).isEqualTo(Duration.ofMillis(40));
		for (int i = 0; i < 10; i++) {
			this.throttle.batchDone(10_000_000, 3);
		}
		assertThat(this.throttle.level()).isEqualTo(Throttle.MAXIMUM_LEVEL);
		assertThat(this.throttle.batchDone(10_000_000, 1)).isEqualTo(Duration.ofMillis(320));
		for (int i = 0; i < Throttle.MAXIMUM_LEVEL; i++) {
			this.throttle.batchDone(10_000_000, 0);
		}
		assertThat(this.throttle.batchDone(10_000_000, 0)).isEqualTo(Duration.ofMillis(2));
	}

}
