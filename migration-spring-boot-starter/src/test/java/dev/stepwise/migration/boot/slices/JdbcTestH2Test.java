package dev.stepwise.migration.boot.slices;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class JdbcTestH2Test extends AbstractJdbcTestTest {

}
