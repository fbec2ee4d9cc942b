package dev.stepwise.migration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout of the engine, checked on its compiled classes: the API at the bottom, the
 * internals above it, {@link Stepwise} and its configuration on top, and no package that
 * depends on itself through another.
 */
class ArchitectureTest {

	private static final String ROOT = "dev.stepwise.migration";

	private static final JavaClasses ENGINE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void packagesAreFreeOfCycles() {
		assertThat(PackageCycles.of(ENGINE, ROOT)).as("package cycles").isEmpty();
	}

	@Test
	void apiDependsOnNoOtherPartOfStepwise() {
		noClasses().that()
			.resideInAPackage(ROOT + ".api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT, ROOT + ".java..", ROOT + ".schema..", ROOT + ".expand..", ROOT + ".backfill..",
					ROOT + ".internal..")
			.check(ENGINE);
	}

	@Test
	void internalsNeverReachUpToTheEntryPoint() {
		noClasses().that()
			.resideInAPackage(ROOT + ".internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT)
			.check(ENGINE);
	}

	/**
	 * Strongly connected components of the package graph, found with Tarjan's algorithm:
	 * each component of more than one package is a cycle, named by its packages.
	 */
	private static final class PackageCycles {

		private final Map<String, Set<String>> edges;

		private final Map<String, Integer> index = new HashMap<>();

		private final Map<String, Integer> lowLink = new HashMap<>();

		private final Deque<String> stack = new ArrayDeque<>();

		private final Set<String> onStack = new HashSet<>();

		private final List<Set<String>> cycles = new ArrayList<>();

		private PackageCycles(Map<String, Set<String>> edges) {
			this.edges = edges;
		}

		static List<Set<String>> of(JavaClasses classes, String root) {
			Map<String, Set<String>> edges = new TreeMap<>();
			for (JavaClass javaClass : classes) {
				String from = javaClass.getPackageName();
				Set<String> targets = edges.computeIfAbsent(from, (name) -> new TreeSet<>());
				for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
					String to = dependency.getTargetClass().getPackageName();
					if (!to.equals(from) && (to.equals(root) || to.startsWith(root + "."))) {
						targets.add(to);
					}
				}
			}
			PackageCycles search = new PackageCycles(edges);
			edges.keySet().forEach((name) -> {
				if (!search.index.containsKey(name)) {
					search.visit(name);
				}
			});
			return search.cycles;
		}

		private void visit(String name) {
			int next = this.index.size();
			this.index.put(name, next);
			this.lowLink.put(name, next);
			this.stack.push(name);
			this.onStack.add(name);
			for (String target : this.edges.getOrDefault(name, Set.of())) {
				if (!this.index.containsKey(target)) {
					visit(target);
					this.lowLink.put(name, Math.min(this.lowLink.get(name), this.lowLink.get(target)));
				}
				else if (this.onStack.contains(target)) {
					this.lowLink.put(name, Math.min(this.lowLink.get(name), this.index.get(target)));
				}
			}
			if (this.lowLink.get(name).equals(this.index.get(name))) {
				Set<String> component = new TreeSet<>();
				String member;
				do {
					member = this.stack.pop();
					this.onStack.remove(member);
					component.add(member);
				}
				while (!member.equals(name));
				if (component.size() > 1) {
					this.cycles.add(component);
				}
			}
		}

	}

}
