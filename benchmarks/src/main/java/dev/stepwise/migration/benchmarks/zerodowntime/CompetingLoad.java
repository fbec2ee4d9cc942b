package dev.stepwise.migration.benchmarks.zerodowntime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Other processes busy on the same cores for the whole measurement ({@code competing=N}):
 * each a shell spinning in a loop, as a neighbour's batch job would. The issue's
 * "another process busy on the same cores" is {@code competing=1}.
 */
final class CompetingLoad implements AutoCloseable {

	private final List<Process> processes = new ArrayList<>();

	private CompetingLoad() {
	}

	static CompetingLoad start(int processes) throws IOException {
		CompetingLoad load = new CompetingLoad();
		for (int i = 0; i < processes; i++) {
			load.processes.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
		}
		return load;
	}

	@Override
	public void close() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroyForcibly();
		}
		for (Process process : this.processes) {
			process.waitFor();
		}
	}

}
