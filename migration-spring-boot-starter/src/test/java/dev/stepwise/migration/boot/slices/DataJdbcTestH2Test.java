package dev.stepwise.migration.boot.slices;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

@DataJdbcTest
class DataJdbcTestH2Test extends AbstractDataJdbcTestTest {

}
