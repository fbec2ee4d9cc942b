package dev.stepwise.migration.expand;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.stepwise.migration.api.ContractResult;
import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.api.Expansion;
import dev.stepwise.migration.api.ExpansionState;
import dev.stepwise.migration.api.MigrationVersion;
import dev.stepwise.migration.api.RegisteredInstance;
import dev.stepwise.migration.backfill.TableRows;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Expand/contract behaviour, once for every database.
 * <p>
 * Over 400 lines on purpose: every expand operation through its four phases, on every database.
 */
abstract class AbstractExpandContractIntegrationTest {

	private static final MigrationVersion V1 = MigrationVersion.parse("1");

	private static final MigrationVersion V2 = MigrationVersion.parse("2");

	// The tests share one database, where other tests contract changes expanded at V2: an
	// instance of older code than that would rightly be refused, so these use V2 and V3.
	private static final MigrationVersion V3 = MigrationVersion.parse("3");

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	@BeforeEach
	void useDatabase(TestDatabase database) {
		this.database = database;
	}

	private DataSource dataSource() {
		return this.database.dataSource();
	}

	private DatabaseType type() {
		return DatabaseType.valueOf(this.database.type().name());
	}

	private Expansions expansions() {
		return new Expansions(dataSource(), type(), EngineSettings.defaults(dataSource()))
			.targetBatchDuration(Duration.ofMillis(5));
	}

	/** {@code rows} accounts; every fifth has no name. */
	private void createAccounts(String table, int rows, boolean nameNotNull) throws SQLException {
		TableRows.execute(dataSource(), "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(50)"
				+ (nameNotNull ? " NOT NULL" : "") + ", balance INT)");
		List<String> values = new ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			values.add("(" + i + ", " + ((i % 5 == 0 && !nameNotNull) ? "NULL" : "'name " + i + "'") + ", " + (i * 10) + ")");
		}
		TableRows.execute(dataSource(), "INSERT INTO " + table + " (id, name, balance) VALUES " + String.join(", ", values));
	}

	private String differs(String a, String b) {
		return type().isMySqlFamily() ? "NOT (" + a + " <=> " + b + ")" : a + " IS DISTINCT FROM " + b;
	}

	private long outOfSync(String table, String a, String b) throws SQLException {
		return TableRows.count(dataSource(), "SELECT COUNT(*) FROM " + table + " WHERE " + differs(a, b));
	}

	private List<List<String>> rows(String sql) throws SQLException {
		return TableRows.query(dataSource(), sql);
	}

	@Test
	void renameKeepsBothColumnsInSyncForOldAndNewCode() throws SQLException {
		createAccounts("accounts_sync", 50, false);
		Expansion expansion = expansions().expand(ColumnChange.renameColumn("accounts_sync", "name", "display_name"), V2);
		assertThat(expansion.state()).isEqualTo(ExpansionState.EXPANDED);
		assertThat(expansion.backfill()).isNotNull();
		assertThat(expansion.backfill().done()).isTrue();
		assertThat(outOfSync("accounts_sync", "name", "display_name")).isZero();
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM accounts_sync WHERE display_name IS NULL")).isEqualTo(10);

		TableRows.execute(dataSource(), "INSERT INTO accounts_sync (id, name) VALUES (101, 'old insert')",
				"INSERT INTO accounts_sync (id, display_name) VALUES (102, 'new insert')",
				"UPDATE accounts_sync SET name = 'old update' WHERE id = 1",
				"UPDATE accounts_sync SET display_name = 'new update' WHERE id = 2",
				"UPDATE accounts_sync SET name = 'old set' WHERE id = 5",
				"UPDATE accounts_sync SET display_name = NULL WHERE id = 3",
				"UPDATE accounts_sync SET name = 'both old', display_name = 'both new' WHERE id = 4",
				"UPDATE accounts_sync SET balance = 7 WHERE id = 6");
		assertThat(rows("SELECT id, name, display_name FROM accounts_sync WHERE id IN (1, 2, 3, 4, 5, 6, 101, 102) ORDER BY id"))
			.containsExactly(List.of("1", "old update", "old update"), List.of("2", "new update", "new update"),
					Arrays.asList("3", null, null), List.of("4", "both new", "both new"),
					List.of("5", "old set", "old set"), List.of("6", "name 6", "name 6"),
					List.of("101", "old insert", "old insert"), List.of("102", "new insert", "new insert"));
		assertThat(outOfSync("accounts_sync", "name", "display_name")).isZero();
	}

	/**
	 * Old and new code write while the backfill runs and after it. The writers start at the
	 * first committed batch, after the expand's DDL: H2 (2.4.240) loses rows inserted while
	 * an ALTER TABLE ADD COLUMN copies the table, with or without triggers.
	 */
	@Test
	void oldAndNewCodeWritingConcurrentlyDuringABackgroundBackfillEndConsistent() throws Exception {
		createAccounts("accounts_busy", 3000, false);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		List<Future<Integer>> writers = new ArrayList<>();
		try {
			Expansions expansions = expansions().backfillListener((progress) -> {
				if (writers.isEmpty()) {
					writers.add(executor.submit(() -> write("accounts_busy", "name", 10_000, 400)));
					writers.add(executor.submit(() -> write("accounts_busy", "display_name", 20_000, 400)));
				}
			});
			// In the background new code serves while the backfill runs, so every trigger is in place from the start.
			expansions.expand(ColumnChange.renameColumn("accounts_busy", "name", "display_name").backfillInBackground(), V2);
			assertThat(expansions.resumeBackfills()).containsExactly("accounts_busy.display_name");
			assertThat(writers).hasSize(2);
			assertThat(writers.get(0).get(60, TimeUnit.SECONDS)).as("old code's writes").isEqualTo(400);
			assertThat(writers.get(1).get(60, TimeUnit.SECONDS)).as("new code's writes").isEqualTo(400);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM accounts_busy")).isEqualTo(3000 + 2 * 40);
		assertThat(outOfSync("accounts_busy", "name", "display_name")).isZero();
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM accounts_busy WHERE display_name LIKE 'name %'"))
			.as("rows only the backfill wrote").isPositive();
	}

	@Test
	void oldCodeWritingDuringAnInlineBackfillAndBothCodesAfterItEndConsistent() throws Exception {
		// Large enough for the backfill's two workers to split it.
		createAccounts("accounts_rollout", 25_000, false);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		Set<String> backfillThreads = ConcurrentHashMap.newKeySet();
		try {
			List<Future<Integer>> oldCode = new CopyOnWriteArrayList<>();
			Expansions expansions = expansions().backfillListener((progress) -> {
				backfillThreads.add(Thread.currentThread().getName());
				if (oldCode.isEmpty()) {
					oldCode.add(executor.submit(() -> write("accounts_rollout", "name", 30_000, 400)));
				}
			});
			// Inline, as the starter runs it: new code serves only once the expand has returned.
			expansions.expand(ColumnChange.renameColumn("accounts_rollout", "name", "display_name"), V2);
			Future<Integer> newCode = executor.submit(() -> write("accounts_rollout", "display_name", 40_000, 400));
			Future<Integer> oldCodeAgain = executor.submit(() -> write("accounts_rollout", "name", 50_000, 400));
			assertThat(oldCode.get(0).get(60, TimeUnit.SECONDS)).as("old code's writes during the backfill").isEqualTo(400);
			assertThat(newCode.get(60, TimeUnit.SECONDS)).as("new code's writes").isEqualTo(400);
			assertThat(oldCodeAgain.get(60, TimeUnit.SECONDS)).as("old code's writes beside new code").isEqualTo(400);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(backfillThreads).as("the backfill's workers").filteredOn((thread) -> thread.startsWith("stepwise-backfill-"))
			.hasSize(2);
		assertThat(TableRows.count(dataSource(), "SELECT COUNT(*) FROM accounts_rollout")).isEqualTo(25_000 + 3 * 40);
		assertThat(outOfSync("accounts_rollout", "name", "display_name")).isZero();
	}

	/**
	 * Writes one column only, as code that knows only that column: updates of random rows,
	 * and every tenth write an insert. Bounded by count and by 30 s.
	 */
	private int write(String table, String column, int firstInsertId, int writes) throws SQLException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		int done = 0;
		try (Connection connection = dataSource().getConnection();
				PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE id = ?");
				PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (id, " + column + ") VALUES (?, ?)")) {
			for (int i = 0; i < writes && System.nanoTime() < deadline; i++) {
				if (i % 10 == 0) {
					insert.setInt(1, firstInsertId + i);
					insert.setString(2, column + " insert " + i);
					insert.executeUpdate();
				}
				else {
					update.setString(1, (i % 7 == 0) ? null : column + " " + i);
					update.setInt(2, ThreadLocalRandom.current().nextInt(1, 3000));
					update.executeUpdate();
				}
				done++;
			}
		}
		return done;
	}

	@Test
	void newCodesInsertSetsTheOldColumnEvenWhereItsDefaultWouldFillIt() throws SQLException {
		TableRows.execute(dataSource(), "CREATE TABLE members_state (id INT PRIMARY KEY, status VARCHAR(20) DEFAULT 'active')",
				"INSERT INTO members_state (id) VALUES (1)");
		expansions().expand(ColumnChange.renameColumn("members_state", "status", "state"), V2);
		TableRows.execute(dataSource(), "INSERT INTO members_state (id, state) VALUES (2, 'banned')",
				"INSERT INTO members_state (id) VALUES (3)", "INSERT INTO members_state (id, status) VALUES (4, 'paused')");
		assertThat(rows("SELECT id, status, state FROM members_state ORDER BY id")).containsExactly(
				List.of("1", "active", "active"), List.of("2", "banned", "banned"), List.of("3", "active", "active"),
				List.of("4", "paused", "paused"));
	}

	@Test
	void contractWaitsForABackfillRunningElsewhereAndFinishesOneLeftBehind() throws SQLException {
		createAccounts("accounts_waiting", 3000, false);
		createAccounts("accounts_left", 3000, false);
		List<ContractResult> duringBackfill = new ArrayList<>();
		Expansions expansions = expansions().backfillListener((progress) -> {
			if (duringBackfill.isEmpty() && progress.name().endsWith("accounts_waiting.display_name")) {
				try {
					duringBackfill.add(expansions().contract("accounts_waiting.display_name"));
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
		});
		expansions.expand(ColumnChange.renameColumn("accounts_waiting", "name", "display_name").backfillInBackground(), V2);
		expansions.resumeBackfills();
		assertThat(duringBackfill).singleElement().satisfies((result) -> {
			assertThat(result.deferred()).isTrue();
			assertThat(result.waitingFor()).isEmpty();
		});
		assertThat(expansions().contract("accounts_waiting.display_name").contracted()).isTrue();

		// A backfill that stopped long ago is no one's any more: the contract finishes it itself.
		Expansions interrupted = expansions().backfillListener((progress) -> {
			throw new IllegalStateException("stopped");
		});
		interrupted.expand(ColumnChange.renameColumn("accounts_left", "name", "display_name").backfillInBackground(), V2);
		assertThatIllegalStateException().isThrownBy(interrupted::resumeBackfills).withMessage("stopped");
		TableRows.execute(dataSource(), "UPDATE stepwise_backfills SET updated_at = TIMESTAMP '2000-01-01 00:00:00'");
		assertThat(expansions().contract("accounts_left.display_name").contracted()).isTrue();
		assertThat(rows("SELECT COUNT(*) FROM accounts_left WHERE display_name IS NULL")).containsExactly(List.of("600"));
	}

	@Test
	void changeColumnTypeConvertsBothWaysAndContractLeavesTheNewColumn() throws SQLException {
		TableRows.execute(dataSource(), "CREATE TABLE parts (id INT PRIMARY KEY, code VARCHAR(10))",
				"INSERT INTO parts (id, code) VALUES (1, '42'), (2, '7'), (3, NULL)");
		String toNew = type().isMySqlFamily() ? "CAST(code AS SIGNED)" : "CAST(code AS INTEGER)";
		String toOld = type().isMySqlFamily() ? "CAST(code_number AS CHAR(10))" : "CAST(code_number AS VARCHAR(10))";
		Expansions expansions = expansions();
		expansions.expand(ColumnChange.changeColumnType("parts", "code", "code_number", "INTEGER", toNew, toOld), V2);
		TableRows.execute(dataSource(), "INSERT INTO parts (id, code) VALUES (4, '100')",
				"INSERT INTO parts (id, code_number) VALUES (5, 55)",
				"UPDATE parts SET code = '8' WHERE id = 2",
				"UPDATE parts SET code_number = 43 WHERE id = 1");
		assertThat(rows("SELECT id, code, code_number FROM parts ORDER BY id")).containsExactly(List.of("1", "43", "43"),
				List.of("2", "8", "8"), Arrays.asList("3", null, null), List.of("4", "100", "100"),
				List.of("5", "55", "55"));

		assertThat(expansions.contract("parts.code_number").contracted()).isTrue();
		assertThat(Catalogue.columns(dataSource(), type(), "parts")).hasSize(2)
			.anySatisfy((column) -> assertThat(column).startsWith("code_number ").endsWith(" NULL"))
			.noneSatisfy((column) -> assertThat(column).startsWith("code "));
		assertThat(Catalogue.triggers(dataSource(), type(), "parts")).isEmpty();
	}

	@Test
	void setNotNullGivesOldCodesNullsAValueAndContractMakesTheColumnNotNull() throws SQLException {
		TableRows.execute(dataSource(), "CREATE TABLE members (id INT PRIMARY KEY, email VARCHAR(50))",
				"INSERT INTO members (id, email) VALUES (1, 'a@example.com'), (2, NULL)");
		Expansions expansions = expansions();
		expansions.expand(ColumnChange.setNotNull("members", "email", "'unknown'"), V2);
		TableRows.execute(dataSource(), "INSERT INTO members (id) VALUES (3)",
				"INSERT INTO members (id, email_new) VALUES (4, 'd@example.com')",
				"UPDATE members SET email = NULL WHERE id = 1");
		assertThat(rows("SELECT id, email, email_new FROM members ORDER BY id")).containsExactly(
				Arrays.asList("1", null, "unknown"), Arrays.asList("2", null, "unknown"),
				Arrays.asList("3", null, "unknown"), List.of("4", "d@example.com", "d@example.com"));

		expansions.contract("members.email_new");
		assertThat(Catalogue.columns(dataSource(), type(), "members"))
			.anySatisfy((column) -> assertThat(column).startsWith("email_new ").endsWith(" NOT NULL"))
			.noneSatisfy((column) -> assertThat(column).startsWith("email "));
	}

	@Test
	void undoExpandLeavesTheOldColumnAsOldCodeLeftIt() throws SQLException {
		TableRows.execute(dataSource(), "CREATE TABLE profiles (id INT PRIMARY KEY, nickname VARCHAR(30), age INT)",
				"INSERT INTO profiles (id, nickname, age) VALUES (1, 'ann', 30), (2, NULL, 40), (3, 'cy', NULL)");
		List<String> columnsBefore = Catalogue.columns(dataSource(), type(), "profiles");
		Expansions expansions = expansions();
		expansions.expand(ColumnChange.setNotNull("profiles", "nickname", "nickname_required", "'anonymous'"), V2);
		TableRows.execute(dataSource(), "UPDATE profiles SET nickname = 'bob' WHERE id = 1",
				"INSERT INTO profiles (id, age) VALUES (4, 50)");
		List<List<String>> leftByOldCode = rows("SELECT id, nickname, age FROM profiles ORDER BY id");
		assertThat(leftByOldCode).contains(Arrays.asList("2", null, "40"), Arrays.asList("4", null, "50"));

		expansions.undoExpand("profiles.nickname_required");
		assertThat(rows("SELECT * FROM profiles ORDER BY id")).isEqualTo(leftByOldCode);
		assertThat(Catalogue.columns(dataSource(), type(), "profiles")).isEqualTo(columnsBefore);
		assertThat(Catalogue.triggers(dataSource(), type(), "profiles")).isEmpty();
		assertThat(expansions.list()).noneSatisfy((expansion) -> assertThat(expansion.id()).isEqualTo("profiles.nickname_required"));
	}

	@Test
	void undoContractRestoresTheExpandedStateAndContractRunsAgain() throws SQLException {
		createAccounts("accounts_undo", 40, true);
		List<String> originalColumns = Catalogue.columns(dataSource(), type(), "accounts_undo");
		Expansions expansions = expansions();
		expansions.expand(ColumnChange.renameColumn("accounts_undo", "name", "holder"), V2);
		TableRows.execute(dataSource(), "UPDATE accounts_undo SET holder = 'new code' WHERE id = 3");
		String allColumns = "SELECT id, name, holder, balance FROM accounts_undo ORDER BY id";
		List<List<String>> expandedRows = rows(allColumns);
		List<String> expandedColumns = Catalogue.columns(dataSource(), type(), "accounts_undo");
		List<String> expandedTriggers = Catalogue.triggers(dataSource(), type(), "accounts_undo");

		expansions.contract("accounts_undo.holder");
		String contractedColumns = "SELECT id, holder, balance FROM accounts_undo ORDER BY id";
		List<List<String>> contractedRows = rows(contractedColumns);
		List<String> contractedSchema = Catalogue.columns(dataSource(), type(), "accounts_undo");
		// The new column ends as the old one started (on H2 the old one is relaxed while expanded).
		assertThat(contractedSchema).contains("holder " + originalColumns.stream()
			.filter((column) -> column.startsWith("name "))
			.findFirst()
			.orElseThrow()
			.substring("name ".length()));

		expansions.undoContract("accounts_undo.holder");
		assertThat(rows(allColumns)).isEqualTo(expandedRows);
		assertThat(Catalogue.columns(dataSource(), type(), "accounts_undo")).isEqualTo(expandedColumns);
		assertThat(Catalogue.triggers(dataSource(), type(), "accounts_undo")).containsExactlyInAnyOrderElementsOf(expandedTriggers);
		assertThat(expansions.list()).anySatisfy((expansion) -> {
			assertThat(expansion.id()).isEqualTo("accounts_undo.holder");
			assertThat(expansion.state()).isEqualTo(ExpansionState.EXPANDED);
		});
		TableRows.execute(dataSource(), "UPDATE accounts_undo SET holder = 'synced again' WHERE id = 4");
		assertThat(rows("SELECT name FROM accounts_undo WHERE id = 4")).containsExactly(List.of("synced again"));
		TableRows.execute(dataSource(), "UPDATE accounts_undo SET holder = 'name 4' WHERE id = 4");

		expansions.contract("accounts_undo.holder");
		assertThat(rows(contractedColumns)).isEqualTo(contractedRows);
		assertThat(Catalogue.columns(dataSource(), type(), "accounts_undo")).isEqualTo(contractedSchema);
	}

	@Test
	void contractWaitsForLiveInstancesWhoseCodePredatesTheExpand() throws SQLException {
		createAccounts("accounts_deploy", 10, false);
		Expansions expansions = expansions();
		InstanceRegistry registry = expansions.instances();
		registry.register("old-a", "host-a", V2);
		registry.register("old-b", "host-b", V2);
		registry.register("new-c", "host-c", V3);
		expansions.expand(ColumnChange.renameColumn("accounts_deploy", "name", "owner"), V3);

		ContractResult deferred = expansions.contract("accounts_deploy.owner");
		assertThat(deferred.deferred()).isTrue();
		assertThat(deferred.waitingFor()).extracting(RegisteredInstance::instanceId).containsExactly("old-a", "old-b");
		assertThat(deferred.waitingFor().get(0).host()).isEqualTo("host-a");
		assertThat(expansions.list()).anySatisfy((expansion) -> {
			assertThat(expansion.id()).isEqualTo("accounts_deploy.owner");
			assertThat(expansion.state()).isEqualTo(ExpansionState.EXPANDED);
			assertThat(expansion.contractDeferred()).isTrue();
			assertThat(expansion.waitingFor()).extracting(RegisteredInstance::instanceId).containsExactly("old-a", "old-b");
		});

		registry.deregister("old-a");
		assertThat(expansions.contract("accounts_deploy.owner").waitingFor()).extracting(RegisteredInstance::instanceId)
			.containsExactly("old-b");
		String past = type().isMySqlFamily() ? "UTC_TIMESTAMP(3) - INTERVAL 10 MINUTE" : "CURRENT_TIMESTAMP - INTERVAL '10' MINUTE";
		TableRows.execute(dataSource(), "UPDATE stepwise_instances SET heartbeat_at = " + past + " WHERE instance_id = 'old-b'");
		assertThat(registry.instances()).anySatisfy((instance) -> {
			assertThat(instance.instanceId()).isEqualTo("old-b");
			assertThat(instance.silence()).isGreaterThan(Duration.ofMinutes(9));
		});

		assertThat(expansions.retryDeferredContracts()).singleElement().satisfies((contracted) -> {
			assertThat(contracted.id()).isEqualTo("accounts_deploy.owner");
			assertThat(contracted.contracted()).isTrue();
			assertThat(contracted.waitingFor()).isEmpty();
		});
		assertThat(Catalogue.columns(dataSource(), type(), "accounts_deploy")).noneSatisfy((column) -> assertThat(column).startsWith("name "));
		assertThat(expansions.retryDeferredContracts()).isEmpty();

		expansions.undoContract("accounts_deploy.owner");
		assertThat(expansions.retryDeferredContracts()).as("an undone contract is not retried").isEmpty();
		assertThat(expansions.list()).anySatisfy((expansion) -> {
			assertThat(expansion.id()).isEqualTo("accounts_deploy.owner");
			assertThat(expansion.contractDeferred()).isFalse();
		});
		registry.deregister("old-b");
		registry.deregister("new-c");
	}

	@Test
	void heartbeatKeepsAnInstanceLiveAndTellsWhenItIsUnknown() throws SQLException {
		InstanceRegistry registry = new InstanceRegistry(dataSource(), type());
		registry.register("beating", "host", V2);
		TableRows.execute(dataSource(), "UPDATE stepwise_instances SET heartbeat_at = "
				+ (type().isMySqlFamily() ? "UTC_TIMESTAMP(3) - INTERVAL 10 MINUTE" : "CURRENT_TIMESTAMP - INTERVAL '10' MINUTE")
				+ " WHERE instance_id = 'beating'");
		assertThat(registry.decideContract(V3, Duration.ofMinutes(2)).ready()).isTrue();
		assertThat(registry.heartbeat("beating")).isTrue();
		assertThat(registry.decideContract(V3, Duration.ofMinutes(2)).waitingFor()).extracting(RegisteredInstance::instanceId)
			.containsExactly("beating");
		assertThat(registry.decideContract(V2, Duration.ofMinutes(2)).ready()).isTrue();
		registry.deregister("beating");
		assertThat(registry.heartbeat("beating")).isFalse();
	}

	@Test
	void contractRefusesWhenRowsDifferDespiteTheBackfill() throws SQLException {
		createAccounts("accounts_drift", 5, false);
		Expansions expansions = expansions();
		expansions.expand(ColumnChange.renameColumn("accounts_drift", "name", "label"), V2);
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			// Writes as a backfill would, with the triggers' copy off, but without syncing.
			connection.setAutoCommit(false);
			statement.execute(switch (type()) {
				case POSTGRESQL -> "SET LOCAL stepwise.backfill = 'on'";
				case MYSQL, MARIADB -> "SET @stepwise_backfill = 1";
				case H2 -> "SET @STEPWISE_BACKFILL = TRUE";
			});
			statement.executeUpdate("UPDATE accounts_drift SET label = 'drifted' WHERE id = 2");
			connection.commit();
			statement.execute(type() == DatabaseType.POSTGRESQL ? "SELECT 1"
					: type().isMySqlFamily() ? "SET @stepwise_backfill = NULL" : "SET @STEPWISE_BACKFILL = NULL");
			connection.commit();
			connection.setAutoCommit(true);
		}
		assertThatIllegalStateException().isThrownBy(() -> expansions.contract("accounts_drift.label"))
			.withMessageContaining("Cannot contract accounts_drift.label: 1 rows")
			.withMessageContaining("Backfill.forget");
		assertThat(Catalogue.columns(dataSource(), type(), "accounts_drift")).anySatisfy((column) -> assertThat(column).startsWith("name "));
	}

	@Test
	void expandRunsAgainWithoutChangeAndRefusesAnotherChangeOfTheSameColumn() throws SQLException {
		createAccounts("accounts_twice", 12, false);
		Expansions expansions = expansions();
		ColumnChange rename = ColumnChange.renameColumn("accounts_twice", "name", "title");
		expansions.expand(rename, V2);
		List<String> triggers = Catalogue.triggers(dataSource(), type(), "accounts_twice");
		List<String> columns = Catalogue.columns(dataSource(), type(), "accounts_twice");

		Expansion again = expansions.expand(rename, V2);
		assertThat(again.state()).isEqualTo(ExpansionState.EXPANDED);
		assertThat(again.backfill().rowsDone()).isEqualTo(12);
		assertThat(Catalogue.triggers(dataSource(), type(), "accounts_twice")).containsExactlyInAnyOrderElementsOf(triggers);
		assertThat(Catalogue.columns(dataSource(), type(), "accounts_twice")).isEqualTo(columns);
		assertThatIllegalStateException()
			.isThrownBy(() -> expansions.expand(ColumnChange.setNotNull("accounts_twice", "name", "title", "'x'"), V2))
			.withMessageContaining("accounts_twice.title is already expanded as RENAME_COLUMN");
		assertThatIllegalStateException().isThrownBy(() -> expansions.undoContract("accounts_twice.title"))
			.withMessageContaining("it is EXPANDED, not contracted");
	}

	@Test
	void expandRefusesAMissingColumnAndAnExistingNewColumn() throws SQLException {
		createAccounts("accounts_wrong", 1, false);
		Expansions expansions = expansions();
		assertThatIllegalStateException()
			.isThrownBy(() -> expansions.expand(ColumnChange.renameColumn("accounts_wrong", "nmae", "label"), V2))
			.withMessageContaining("has no column 'nmae'");
		assertThatIllegalStateException()
			.isThrownBy(() -> expansions.expand(ColumnChange.renameColumn("accounts_wrong", "name", "balance"), V2))
			.withMessageContaining("already has a column");
	}

}
