package dev.stepwise.migration.benchmarks.boot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The floor: the same application with no migration tool, running one {@code SELECT 1}
 * before it is ready, which starts the pool and opens its first connection as a tool's
 * check would.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class FloorApplication {

	@Bean
	ApplicationRunner selectOne(DataSource dataSource) {
		return (args) -> {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT 1")) {
				result.next();
			}
		};
	}

	public static void main(String[] args) {
		ReadySignal.runAndExit(FloorApplication.class, args);
	}

}
