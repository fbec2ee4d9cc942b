// Runs where the test database is configured, and always where databases are required (CI).
return System.getenv('STEPWISE_TEST_MARIADB_URL') != null || Boolean.parseBoolean(System.getenv('STEPWISE_TEST_REQUIRE_DATABASES'))
