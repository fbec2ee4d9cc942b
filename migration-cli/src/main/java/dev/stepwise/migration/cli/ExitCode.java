package dev.stepwise.migration.cli;

/**
 * The exit codes of the {@code stepwise} command, documented in the README, so that a
 * pipeline can branch on what happened.
 */
public enum ExitCode {

	/** Everything asked for was done (or, for a dry run, planned). */
	OK(0),

	/** A migration or its rollback failed, or anything not listed below went wrong. */
	FAILED(1),

	/** The command line or the configuration is wrong: nothing was tried. */
	USAGE(2),

	/** The sources and the history disagree: nothing was run. */
	INVALID(3),

	/** Another run held the lock for longer than the lock wait timeout: nothing was run. */
	LOCKED(4),

	/** Refused before anything ran: a rollback that cannot run, a contract still deferred. */
	REFUSED(5),

	/** The database could not be reached or refused the credentials: nothing was run. */
	UNREACHABLE(6);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	/** The number the process exits with. */
	public int code() {
		return this.code;
	}

}
