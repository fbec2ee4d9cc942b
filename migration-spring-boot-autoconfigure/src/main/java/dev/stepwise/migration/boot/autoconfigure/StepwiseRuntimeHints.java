package dev.stepwise.migration.boot.autoconfigure;

import dev.stepwise.migration.StepwiseConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What a native image needs that it cannot see: the scripts of the default locations, and
 * the H2 trigger class that H2 instantiates by name for expand/contract changes.
 */
class StepwiseRuntimeHints implements RuntimeHintsRegistrar {

	/** Named, not referenced: the H2 trigger lives in an internal package of the engine. */
	static final String H2_SYNC_TRIGGER = "dev.stepwise.migration.expand.H2SyncTrigger";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		String root = StepwiseConfiguration.DEFAULT_LOCATION.substring("classpath:".length());
		// The default location and its {vendor} subfolders.
		hints.resources().registerPattern(root + "/**/*.sql");
		hints.reflection()
			.registerType(TypeReference.of(H2_SYNC_TRIGGER), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
					MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
