package dev.stepwise.migration.benchmarks.zerodowntime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server's WAL position and checkpoint counters (MariaDB: the redo log written), read
 * before and after the real run to tell whether a checkpoint could explain a latency spike.
 *
 * @param walBytes WAL written (a difference) or the WAL position
 * @param checkpoints checkpoints, timed and requested
 * @param requestedCheckpoints checkpoints requested (by WAL volume or by a command)
 */
record ServerActivity(long walBytes, long checkpoints, long requestedCheckpoints) {

	static ServerActivity read(ScratchDatabase database) throws SQLException {
		if (database.vendor() == Vendor.MARIADB) {
			// InnoDB's redo log stands for the WAL; it has no checkpoint counters to read.
			return new ServerActivity(database.queryLong("SELECT variable_value FROM information_schema.global_status"
					+ " WHERE variable_name = 'INNODB_OS_LOG_WRITTEN'"), 0, 0);
		}
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn,"
						+ " checkpoints_timed + checkpoints_req, checkpoints_req FROM pg_stat_bgwriter")) {
			row.next();
			return new ServerActivity(row.getLong(1), row.getLong(2), row.getLong(3));
		}
	}

	ServerActivity since(ServerActivity earlier) {
		return new ServerActivity(this.walBytes - earlier.walBytes, this.checkpoints - earlier.checkpoints,
				this.requestedCheckpoints - earlier.requestedCheckpoints);
	}

}
