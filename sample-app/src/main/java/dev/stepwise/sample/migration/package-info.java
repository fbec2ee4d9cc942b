/**
 * Java migrations, written as Spring beans so that they can use the application's configuration.
 */
@NullMarked
package dev.stepwise.sample.migration;

import org.jspecify.annotations.NullMarked;
