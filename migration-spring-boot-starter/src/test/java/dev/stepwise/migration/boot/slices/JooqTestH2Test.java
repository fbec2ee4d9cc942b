package dev.stepwise.migration.boot.slices;

import org.springframework.boot.jooq.test.autoconfigure.JooqTest;

@JooqTest
class JooqTestH2Test extends AbstractJooqTestTest {

}
