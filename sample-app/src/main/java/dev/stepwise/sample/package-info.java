/**
 * A small users service whose schema Stepwise migrates at start-up.
 */
@NullMarked
package dev.stepwise.sample;

import org.jspecify.annotations.NullMarked;
