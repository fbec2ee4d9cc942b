import dev.stepwise.migration.maven.ServerBuild

// What the build must have logged (the same on each server), then its database dropped.
ServerBuild.verify(basedir)
return true
