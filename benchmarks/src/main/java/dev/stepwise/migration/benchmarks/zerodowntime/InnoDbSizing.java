package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MariaDB's InnoDB sized for the run, and put back as it was afterwards
 * ({@code server=sized}). A packaged server's defaults (a 96 MB redo log, a 128 MB buffer
 * pool, 200 I/O operations per second for page flushing) suit a laptop: the column copy's
 * redo log, the same for a single UPDATE as for batches, fills the log's checkpoint
 * capacity, and InnoDB then flushes pages furiously while every write waits. A production
 * server is sized for its writes; these are the settings such a server would have on this
 * machine. All three are dynamic since MariaDB 10.9.
 */
final class InnoDbSizing implements AutoCloseable {

	/** In the order they are set; put back in the reverse order (io_capacity_max must never fall below io_capacity). */
	private static final Map<String, String> SIZED = sized();

	private final ScratchDatabase database;

	private final Map<String, String> previous = new LinkedHashMap<>();

	private static Map<String, String> sized() {
		Map<String, String> sized = new LinkedHashMap<>();
		sized.put("innodb_log_file_size", "1073741824");
		sized.put("innodb_buffer_pool_size", "2147483648");
		sized.put("innodb_io_capacity_max", "4000");
		sized.put("innodb_io_capacity", "2000");
		return sized;
	}

	private InnoDbSizing(ScratchDatabase database) {
		this.database = database;
	}

	static InnoDbSizing apply(ScratchDatabase database) throws SQLException {
		InnoDbSizing sizing = new InnoDbSizing(database);
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (String name : SIZED.keySet()) {
				try (ResultSet row = statement.executeQuery("SELECT @@GLOBAL." + name)) {
					row.next();
					sizing.previous.put(name, row.getString(1));
				}
			}
			for (Map.Entry<String, String> setting : SIZED.entrySet()) {
				statement.execute("SET GLOBAL " + setting.getKey() + " = " + setting.getValue());
			}
		}
		System.err.println("zero-downtime: InnoDB sized for the run " + SIZED + ", was " + sizing.previous);
		return sizing;
	}

	@Override
	public void close() throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			List<Map.Entry<String, String>> settings = new ArrayList<>(this.previous.entrySet());
			Collections.reverse(settings);
			for (Map.Entry<String, String> setting : settings) {
				statement.execute("SET GLOBAL " + setting.getKey() + " = " + setting.getValue());
			}
		}
		System.err.println("zero-downtime: InnoDB put back as it was " + this.previous);
	}

}
