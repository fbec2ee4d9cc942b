package dev.stepwise.migration.benchmarks.zerodowntime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the expand did and when, on the run's clock, seen from the engine's connections:
 * each DDL statement, the end of the DDL transaction, and each backfill batch (from its
 * transaction's first statement to its commit, the time its row locks were held).
 * Writers' slow operations are matched against it.
 * <p>
 * A batch is a transaction that stored a cursor in the progress table; the cursor is the
 * last key it walked, and the rows it counts tell where it started. The benchmark's keys
 * are dense (1 to the row count, only ever updated), so the batch that walked rows
 * {@code (a, b]} updated exactly the ids {@code (a, b]}: a slow write to such an id during
 * that batch waited for the batch's row lock.
 */
final class ExpandTimeline {

	/** A backfill cursor of one integer key: {@code <length>:<digits>}. */
	private static final Pattern CURSOR = Pattern.compile("(\\d+):(\\d+)");

	private static final Pattern DDL = Pattern.compile("(?is)\\s*(ALTER|CREATE|DROP|LOCK|RENAME)\\b.*");

	private final Pattern tableDdl;

	private final List<Span> ddl = new ArrayList<>();

	private final List<Long> ddlCommits = new ArrayList<>();

	private final List<Span> batches = new ArrayList<>();

	/** Rows done per worker, by the cursor rows of the progress table they store: the part's own count. */
	private final Map<Thread, Long> rowsDoneBy = new HashMap<>();

	/** @param table the run's table: only DDL that names it (and so locks it) counts */
	ExpandTimeline(String table) {
		this.tableDdl = Pattern.compile("(?is).*\\b" + Pattern.quote(table) + "\\b.*");
	}

	Session session() {
		return new Session();
	}

	synchronized List<Span> ddlStatements() {
		return List.copyOf(this.ddl);
	}

	synchronized List<Span> batches() {
		return List.copyOf(this.batches);
	}

	/**
	 * The span the writers would have waited on from the expand's first DDL: to its
	 * transaction's commit, or (DDL that commits itself, as on MariaDB) to the end of the
	 * last DDL statement before the backfill.
	 */
	synchronized Span ddlTransaction() {
		if (this.ddl.isEmpty()) {
			return new Span("DDL transaction", 0, 0, 0, 0);
		}
		long firstBatch = this.batches.isEmpty() ? Long.MAX_VALUE : this.batches.get(0).start();
		long end = this.ddl.get(0).end();
		for (Span statement : this.ddl) {
			if (statement.start() < firstBatch) {
				end = Math.max(end, statement.end());
			}
		}
		for (long commit : this.ddlCommits) {
			if (commit < firstBatch) {
				end = Math.max(end, commit);
			}
		}
		return new Span("DDL transaction", this.ddl.get(0).start(), end, 0, 0);
	}

	/**
	 * What a slow operation most likely waited for: a DDL statement's table lock, the row
	 * lock of the batch that held its row, or (only overlapping a batch, or nothing) the
	 * machine: CPU, WAL flushes, checkpoints.
	 */
	synchronized String cause(SlowOperation operation) {
		if (ddlTransaction().overlaps(operation)) {
			return "DDL transaction's table lock";
		}
		for (Span statement : this.ddl) {
			if (statement.overlaps(operation)) {
				return "a later DDL statement's table lock";
			}
		}
		boolean duringBackfill = false;
		for (Span batch : this.batches) {
			if (batch.overlaps(operation)) {
				if (operation.id() > batch.firstKeyAfter() && operation.id() <= batch.lastKey()) {
					return "its row locked by a backfill batch";
				}
				duringBackfill = true;
			}
		}
		return duringBackfill ? "during the backfill, row not in the batch" : "outside the expand";
	}

	private synchronized void ddl(String sql, long start, long end) {
		this.ddl.add(new Span(shorten(sql), start, end, 0, 0));
	}

	private synchronized void ddlCommitted(long when) {
		this.ddlCommits.add(when);
	}

	private synchronized void batch(long start, long end, long lastKey, long rowsDone) {
		Thread worker = Thread.currentThread();
		long before = this.rowsDoneBy.getOrDefault(worker, 0L);
		this.rowsDoneBy.put(worker, rowsDone);
		this.batches.add(new Span("backfill batch", start, end, lastKey - (rowsDone - before), lastKey));
	}

	private static String shorten(String sql) {
		String line = sql.replaceAll("\\s+", " ").trim();
		return (line.length() <= 60) ? line : line.substring(0, 57) + "...";
	}

	/** One connection's view: its open transaction, and whether it ran DDL or stored a cursor in it. */
	final class Session {

		private long transactionStart = -1;

		private boolean ranDdl;

		private long lastKey = -1;

		private long rowsDone;

		synchronized void executed(String sql, Map<Integer, Object> parameters, long start, long end) {
			if (this.transactionStart < 0 || sql.trim().toUpperCase(Locale.ROOT).startsWith("BEGIN")) {
				this.transactionStart = start;
			}
			if (DDL.matcher(sql).matches() && ExpandTimeline.this.tableDdl.matcher(sql).matches()
					&& !sql.toUpperCase(Locale.ROOT).contains("FUNCTION")) {
				this.ranDdl = true;
				ddl(sql, start, end);
			}
			if (sql.toLowerCase(Locale.ROOT).contains("key_cursor = ?")) {
				storedCursor(parameters);
			}
			// PostgreSQL's pipelined batch: BEGIN ... COMMIT in one request, in autocommit.
			if (sql.trim().toUpperCase(Locale.ROOT).endsWith("COMMIT")) {
				committed(end);
			}
		}

		synchronized void committed(long when) {
			if (this.lastKey >= 0) {
				batch(this.transactionStart, when, this.lastKey, this.rowsDone);
			}
			if (this.ranDdl) {
				ddlCommitted(when);
			}
			rolledBack();
		}

		synchronized void rolledBack() {
			this.transactionStart = -1;
			this.ranDdl = false;
			this.lastKey = -1;
		}

		/** The cursor, and the rows done bound right after it. */
		private void storedCursor(Map<Integer, Object> parameters) {
			parameters.forEach((index, value) -> {
				if (value instanceof String text && parameters.get(index + 1) instanceof Long rows) {
					Matcher cursor = CURSOR.matcher(text);
					if (cursor.matches() && Integer.parseInt(cursor.group(1)) == cursor.group(2).length()) {
						this.lastKey = Long.parseLong(cursor.group(2));
						this.rowsDone = rows;
					}
				}
			});
		}

	}

	/**
	 * Something the expand did, from start to end; for a batch, the keys it walked:
	 * {@code (firstKeyAfter, lastKey]}.
	 */
	record Span(String what, long start, long end, long firstKeyAfter, long lastKey) {

		long rows() {
			return this.lastKey - this.firstKeyAfter;
		}

		long duration() {
			return this.end - this.start;
		}

		boolean overlaps(SlowOperation operation) {
			return operation.startNanos() < this.end && operation.endNanos() > this.start;
		}

	}

}
