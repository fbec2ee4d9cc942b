// Runs where the test database is configured, and always where databases are required (CI).
return System.getenv('STEPWISE_TEST_POSTGRES_URL') != null || Boolean.parseBoolean(System.getenv('STEPWISE_TEST_REQUIRE_DATABASES'))
