import dev.stepwise.migration.maven.ItDatabase

ItDatabase.create(basedir, 'STEPWISE_TEST_POSTGRES_URL')
return true
