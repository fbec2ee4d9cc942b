// The invocations log, in order, into build.log.
def log = new File(basedir, 'build.log').text

assert log.contains('3 migration(s) would run, from version 0 (empty) to 3. Dry run: nothing was changed.')
assert log.contains("INSERT INTO users (id, name) VALUES (1, 'ann');")
assert log.contains('-- Java: db.migration.V3__Seed_users.up(context)')
assert log.contains('Applied db.migration.V3__Seed_users')
assert log.contains('Migrated from version 0 (empty) to 3: 3 migration(s)')
assert log.contains('Current version: 3; 0 pending')
assert log.contains('Rolled back from version 3 to 2: 1 migration(s)')
assert log.contains('1 migration(s) would be rolled back, from version 2 to 1')
assert log.contains('ALTER TABLE users DROP COLUMN email;')
assert log.contains('Valid: the migrations match the history')
assert log.contains('Cannot roll back to version 9')
// The URL came from the it profile of application.yml: its database file is there.
assert new File(basedir, 'target/db.mv.db').exists()
return true
