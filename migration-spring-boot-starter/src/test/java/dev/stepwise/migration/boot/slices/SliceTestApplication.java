package dev.stepwise.migration.boot.slices;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the slice tests find, as a real project's tests find theirs.
 */
@SpringBootApplication
class SliceTestApplication {

}
