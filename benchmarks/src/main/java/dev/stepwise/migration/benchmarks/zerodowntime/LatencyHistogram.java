package dev.stepwise.migration.benchmarks.zerodowntime;

/**
 * A log-linear histogram of latencies in microseconds: 64 linear sub-buckets per power of
 * two, so a percentile is exact to within 1.6%; the maximum is kept exactly. One per
 * writer thread (not thread-safe), merged at the end.
 */
final class LatencyHistogram {

	/** Values below 2^7 get a bucket each; above, each power of two has {@value #HALF} buckets. */
	private static final int SUB_BUCKET_BITS = 7;

	private static final int HALF = 1 << (SUB_BUCKET_BITS - 1);

	private final long[] counts = new long[65 * HALF + 2 * HALF];

	private long total;

	private long maxMicros;

	void record(long nanos) {
		long micros = Math.max(0, nanos / 1000);
		this.counts[index(micros)]++;
		this.total++;
		this.maxMicros = Math.max(this.maxMicros, micros);
	}

	void add(LatencyHistogram other) {
		for (int i = 0; i < this.counts.length; i++) {
			this.counts[i] += other.counts[i];
		}
		this.total += other.total;
		this.maxMicros = Math.max(this.maxMicros, other.maxMicros);
	}

	long count() {
		return this.total;
	}

	double maxMillis() {
		return this.maxMicros / 1000.0;
	}

	/** The upper bound of the bucket below which at least {@code fraction} of the values lie. */
	double percentileMillis(double fraction) {
		if (this.total == 0) {
			return 0;
		}
		long wanted = (long) Math.ceil(fraction * this.total);
		long seen = 0;
		for (int i = 0; i < this.counts.length; i++) {
			seen += this.counts[i];
			if (seen >= wanted) {
				return Math.min(upperBound(i), this.maxMicros) / 1000.0;
			}
		}
		return maxMillis();
	}

	/**
	 * The bucket of a value:
	 * <ol>
	 * <li>below 2 * {@value #HALF}, the value itself;</li>
	 * <li>above, a shift {@code e} brings the value into [HALF, 2 * HALF), and the bucket is
	 * {@code e * HALF} plus the shifted value, which continues the first range.</li>
	 * </ol>
	 */
	static int index(long micros) {
		if (micros < 2 * HALF) {
			return (int) micros;
		}
		int shift = (63 - Long.numberOfLeadingZeros(micros)) - (SUB_BUCKET_BITS - 1);
		return shift * HALF + (int) (micros >>> shift);
	}

	static long upperBound(int index) {
		if (index < 2 * HALF) {
			return index;
		}
		int shift = (index - HALF) / HALF;
		long shifted = index - (long) shift * HALF;
		return ((shifted + 1) << shift) - 1;
	}

}
