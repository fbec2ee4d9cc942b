package dev.stepwise.migration.benchmarks.zerodowntime;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The largest heap still in use after a garbage collection while it watches: the memory the
 * JVM kept, not what it allocated and dropped. The engine's share shows as the difference
 * between a run on a small table and one on a large one (the writers' histograms and lists
 * are bounded); a forced collection at the start and the end makes sure there are readings.
 */
final class HeapWatch implements AutoCloseable {

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toSet());

	private final AtomicLong peakBytes = new AtomicLong();

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final NotificationListener listener = this::collected;

	HeapWatch() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this.listener, null, null);
				this.emitters.add(emitter);
			}
		}
		System.gc();
	}

	private void collected(Notification notification, Object handback) {
		if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long used = info.getGcInfo()
			.getMemoryUsageAfterGc()
			.entrySet()
			.stream()
			.filter((pool) -> this.heapPools.contains(pool.getKey()))
			.mapToLong((pool) -> pool.getValue().getUsed())
			.sum();
		this.peakBytes.accumulateAndGet(used, Math::max);
	}

	/** Megabytes, the peak after any collection while watching. */
	long peakMegabytes() {
		return this.peakBytes.get() / (1024 * 1024);
	}

	@Override
	public void close() throws Exception {
		System.gc();
		// Notifications arrive on another thread, shortly after the collection.
		Thread.sleep(200);
		for (NotificationEmitter emitter : this.emitters) {
			emitter.removeNotificationListener(this.listener);
		}
	}

}
