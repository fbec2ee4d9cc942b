import dev.stepwise.migration.maven.ItDatabase

def log = new File(basedir, 'build.log').text
try {
	assert log.contains('Migrated from version 0 (empty) to 2: 2 migration(s)')
	assert log.contains('1 migration(s) would be rolled back, from version 2 to 1')
	assert log.contains('ALTER TABLE users DROP COLUMN email;')
	assert log.contains('Rolled back from version 2 to 1: 1 migration(s)')
	assert log.contains('Current version: 1; 0 pending')
	assert log.contains('Valid: the migrations match the history')
}
finally {
	ItDatabase.drop(basedir)
}
return true
