package dev.stepwise.migration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.migration.api.StepwiseException;
import dev.stepwise.migration.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A mistyped or refused database URL that carries a password, in every form the driver
 * takes, fails with a message and a log that never show the password, whether Stepwise
 * opens the connections itself ({@code dataSource(url, user, password)}, which
 * {@code stepwise.url} uses) or through the application's pool. One subclass per database.
 */
abstract class AbstractCredentialMaskingTest {

	static final String SECRET = "S3cr3tPa55w0rd";

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private Level rootLevel;

	/** The test class's database, named by the subclass's {@code @OnDatabase}. */
	TestDatabase database;

	/**
	 * URLs of this database's driver that fail and carry {@link #SECRET}: a password as a URL
	 * parameter, in the driver's own setting syntax, as {@code user:password@host}, and with
	 * a mistyped scheme that no driver accepts.
	 */
	abstract List<String> badUrls();

	/** A URL that reaches the server but that the server refuses for a password given apart. */
	abstract String urlRefusingPassword();

	/** This database's driver, given to {@code dataSource(driver, url, user, password)} as the tools give it. */
	abstract Driver driver();

	@BeforeEach
	void captureLogs(TestDatabase database) {
		this.database = database;
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.rootLevel = root.getLevel();
		root.setLevel(Level.ALL);
		((Logger) LoggerFactory.getLogger("dev.stepwise")).setLevel(Level.ALL);
		this.logs.start();
		root.addAppender(this.logs);
	}

	@AfterEach
	void stopCapturing() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.detachAppender(this.logs);
		root.setLevel(this.rootLevel);
		((Logger) LoggerFactory.getLogger("dev.stepwise")).setLevel(Level.INFO);
	}

	@Test
	void aBadUrlWithAPasswordFailsWithoutShowingIt() {
		for (String url : badUrls()) {
			assertThat(url).contains(SECRET);
			Throwable failure = catchThrowable(() -> Stepwise.configure().dataSource(url, null, null).load().migrate());
			assertFailsWithoutSecret(url, failure);
		}
		assertNoSecretLogged();
	}

	@Test
	void aPasswordGivenApartFromTheUrlIsNotShownEither() {
		Throwable failure = catchThrowable(
				() -> Stepwise.configure().dataSource(urlRefusingPassword(), null, SECRET).load().migrate());
		assertFailsWithoutSecret(urlRefusingPassword(), failure);
		assertNoSecretLogged();
	}

	@Test
	void aBadUrlGivenToADriverFailsWithoutShowingThePassword() {
		for (String url : badUrls()) {
			Throwable failure = catchThrowable(
					() -> Stepwise.configure().dataSource(driver(), url, null, null).load().migrate());
			assertFailsWithoutSecret(url, failure);
		}
		Throwable failure = catchThrowable(
				() -> Stepwise.configure().dataSource(driver(), urlRefusingPassword(), null, SECRET).load().migrate());
		assertFailsWithoutSecret(urlRefusingPassword(), failure);
		assertNoSecretLogged();
	}

	@Test
	void aDriverThatRefusesTheUrlSaysSoNamingItselfAndTheMaskedUrl() {
		String url = "jdbc:otherdb://127.0.0.1:1/db?user=someone&password=" + SECRET;
		Throwable failure = catchThrowable(() -> Stepwise.configure().dataSource(driver(), url, null, null).load().migrate());
		assertFailsWithoutSecret(url, failure);
		SQLException refused = (SQLException) Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
			.filter(SQLException.class::isInstance)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SQLException in the chain", failure));
		assertThat(refused.getSQLState()).isEqualTo("08001");
		assertThat(refused.getMessage()).isEqualTo("The driver " + driver().getClass().getName()
				+ " refused the URL, which is not of its kind: jdbc:otherdb://127.0.0.1:1/db?user=someone&password=****");
		assertNoSecretLogged();
	}

	@Test
	void aBadUrlOfTheApplicationsPoolFailsWithoutShowingThePassword() {
		for (String url : badUrls()) {
			Throwable failure;
			try (HikariDataSource pool = pool(url)) {
				failure = catchThrowable(() -> Stepwise.configure().dataSource(pool).load().migrate());
			}
			assertFailsWithoutSecret(url, failure);
		}
		assertNoSecretLogged();
	}

	@Test
	void theConfigurationShowsTheUrlWithoutThePassword() {
		for (String url : badUrls()) {
			Object dataSource = Stepwise.configure().dataSource(url, "someone", SECRET).load().configuration().dataSource();
			assertThat(dataSource.toString()).as(url).doesNotContain(SECRET);
			Object throughDriver = Stepwise.configure()
				.dataSource(driver(), url, "someone", SECRET)
				.load()
				.configuration()
				.dataSource();
			assertThat(throughDriver.toString()).as(url).doesNotContain(SECRET);
		}
	}

	private static HikariDataSource pool(String url) {
		// Built empty, the pool starts at its first connection: inside Stepwise, as an application's pool may.
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setInitializationFailTimeout(-1);
		pool.setConnectionTimeout(2000);
		pool.setMaximumPoolSize(1);
		return pool;
	}

	private static void assertFailsWithoutSecret(String url, @Nullable Throwable failure) {
		assertThat(failure).as(url).isInstanceOf(StepwiseException.class);
		assertThat(failure.getMessage()).as(url).isNotBlank();
		assertThat(everythingShownOf(failure)).as(url).doesNotContain(SECRET);
	}

	/** What a log line or a console shows of a failure: every message, class and frame of its chain. */
	private static String everythingShownOf(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		for (Throwable link = failure; link != null; link = link.getCause()) {
			if (link instanceof SQLException sql) {
				for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
					text.append(next.toString());
				}
			}
		}
		return text.toString();
	}

	private void assertNoSecretLogged() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : this.logs.list) {
			lines.add(event.getFormattedMessage());
			if (event.getThrowableProxy() != null) {
				lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
			}
		}
		assertThat(lines).allSatisfy((line) -> assertThat(line).doesNotContain(SECRET));
	}

	/** The host and port of this class's database server, from its URL. */
	String hostAndPort() {
		String url = this.database.url();
		int start = url.indexOf("//") + 2;
		return url.substring(start, url.indexOf('/', start));
	}

	DataSource dataSource() {
		return this.database.dataSource();
	}

}
