package dev.stepwise.migration.internal.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.DatabaseType;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements the parser returns run on the real database: one test class per
 * database, each with a fresh database of its own.
 */
abstract class AbstractSqlScriptExecutionTest {

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	@BeforeEach
	void useDatabase(TestDatabase database) {
		this.database = database;
	}

	@Test
	void portableScriptRunsStatementByStatement() throws SQLException {
		SqlScript script = run("common/V1__notes.sql");
		assertThat(script.statements()).extracting(SqlStatement::line).containsExactly(3, 8, 9, 10, 11, 17);
		assertThat(strings("SELECT body FROM note ORDER BY id")).containsExactly("semi;colon!", "it's -- not a comment",
				"/* not a comment either; */", "line one;\r\nline two");
	}

	/**
	 * Parses a script from {@code src/test/resources/sql/} and runs it the way the
	 * engine will: all statements in one transaction, or each on its own.
	 */
	protected SqlScript run(String resource) throws SQLException {
		SqlScript script = SqlScriptParser.parse(resource, read(resource),
				DatabaseType.valueOf(this.database.type().name()));
		try (Connection connection = this.database.dataSource().getConnection()) {
			connection.setAutoCommit(!script.transactional());
			try (Statement statement = connection.createStatement()) {
				for (SqlStatement sql : script.statements()) {
					if (sql.copyData() != null) {
						copyIn(connection, sql);
					}
					else {
						statement.execute(sql.sql());
					}
				}
			}
			if (script.transactional()) {
				connection.commit();
			}
		}
		return script;
	}

	/** {@code COPY ... FROM stdin} with its data, through the PostgreSQL driver as the engine sends it. */
	private static void copyIn(Connection connection, SqlStatement sql) throws SQLException {
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.sql(), new StringReader(sql.copyData()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected List<String> strings(String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static String read(String resource) {
		try (InputStream in = AbstractSqlScriptExecutionTest.class.getResourceAsStream("/sql/" + resource)) {
			if (in == null) {
				throw new IllegalStateException("No test script " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
