// The invocations log, in order, into build.log.
def log = new File(basedir, 'build.log').text

assert log.contains('Migrated from version 0 (empty) to 1: 1 migration(s)')
assert log.contains('Current version: 1; 0 pending; 1 above the target 1')
assert log =~ /2\s+ABOVE_TARGET\s+Rename user name/
assert log.contains('Migrated from version 1 to 2: 1 migration(s)')
assert log.contains('No backfill to resume')
assert log =~ /expand:users\.display_name\s+\S+\s+done, 1 /
assert log.contains('No application instance is registered')
assert log.contains("Unknown setting 'lock-wait-timout' in <set> (stepwise.set)")
return true
