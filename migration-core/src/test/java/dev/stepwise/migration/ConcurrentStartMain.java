package dev.stepwise.migration;


/** One instance of a concurrent start: migrates and exits 0, or prints the failure and exits 1. */
public final class ConcurrentStartMain {

	private ConcurrentStartMain() {
	}

	public static void main(String[] args) {
		try {
			int applied = Stepwise.configure()
				.dataSource(args[0], null, null)
				.locations(args[1])
				.load()
				.migrate()
				.applied()
				.size();
			System.out.println("applied " + applied);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

}
