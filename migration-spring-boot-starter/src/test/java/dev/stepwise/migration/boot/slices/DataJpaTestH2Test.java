package dev.stepwise.migration.boot.slices;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

@DataJpaTest
class DataJpaTestH2Test extends AbstractDataJpaTestTest {

}
