import dev.stepwise.migration.maven.ItDatabase

ItDatabase.create(basedir, 'STEPWISE_TEST_MARIADB_URL')
return true
