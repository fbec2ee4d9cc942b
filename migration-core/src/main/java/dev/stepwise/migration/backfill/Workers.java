package dev.stepwise.migration.backfill;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Walks the unfinished parts of a backfill at once, one daemon thread each; a failing
 * worker stops the others after their batch in flight, and the first failure is thrown
 * with the others suppressed in it.
 */
final class Workers {

	private final String name;

	Workers(String name) {
		this.name = name;
	}

	void walk(List<ProgressStore.Part> parts, Function<ProgressStore.Part, Walk> walks, int initial,
			ProgressReport report) throws SQLException {
		List<ProgressStore.Part> unfinished = parts.stream().filter((part) -> !part.done()).toList();
		if (unfinished.isEmpty()) {
			return;
		}
		AtomicBoolean failed = new AtomicBoolean();
		AtomicInteger threads = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(unfinished.size(), (task) -> {
			Thread thread = new Thread(task, "stepwise-backfill-" + threads.incrementAndGet() + "-" + this.name);
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<@Nullable Void>> running = new ArrayList<>();
			for (ProgressStore.Part part : unfinished) {
				Walk walk = walks.apply(part);
				running.add(executor.submit(() -> {
					try {
						walk.from(part.cursor(), part.rowsDone(), initial, report, false, failed::get);
						return null;
					}
					catch (SQLException | RuntimeException ex) {
						failed.set(true);
						throw ex;
					}
				}));
			}
			awaitAll(running);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void awaitAll(List<Future<@Nullable Void>> running) throws SQLException {
		Exception failure = null;
		for (Future<@Nullable Void> worker : running) {
			try {
				worker.get();
			}
			catch (ExecutionException ex) {
				Exception cause = (ex.getCause() instanceof Exception exception) ? exception : ex;
				if (failure == null) {
					failure = cause;
				}
				else {
					failure.addSuppressed(cause);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Backfill interrupted; it resumes from its stored cursors at the next run", ex);
			}
		}
		if (failure instanceof SQLException sqlFailure) {
			throw sqlFailure;
		}
		if (failure instanceof RuntimeException runtimeFailure) {
			throw runtimeFailure;
		}
		if (failure != null) {
			throw new IllegalStateException(failure);
		}
	}

}
