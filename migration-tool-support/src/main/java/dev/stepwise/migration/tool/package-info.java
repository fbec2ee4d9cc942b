/**
 * What the command line and the Maven plugin share: configuration files, the project's
 * class path and a DataSource over the JDBC driver that accepts the URL.
 */
@NullMarked
package dev.stepwise.migration.tool;

import org.jspecify.annotations.NullMarked;
