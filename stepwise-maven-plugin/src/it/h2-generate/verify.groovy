// The invocations log, in order, into build.log.
def log = new File(basedir, 'build.log').text
def migrations = new File(basedir, 'src/main/resources/db/migration')

assert log.contains('+ table ORDER_LINE')
assert log.contains('CREATE TABLE ORDER_LINE (')
assert new File(migrations, 'V1__create_customer.sql').text.contains('UNIT_PRICE NUMERIC(38, 2)')
assert new File(migrations, 'U1__create_customer.sql').text.contains('DROP TABLE ORDER_LINE;')
assert log.contains('Nothing to generate: the migrations already make what the entities describe')
assert !new File(migrations, 'V2__again.sql').exists()
assert log.contains('No drift: the database is what its applied migrations make')
return true
