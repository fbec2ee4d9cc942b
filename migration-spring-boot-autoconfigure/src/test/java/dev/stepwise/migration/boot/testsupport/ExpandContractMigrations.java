package dev.stepwise.migration.boot.testsupport;

import dev.stepwise.migration.expand.ColumnChange;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Schema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A three-step rename of {@code people.name} to {@code full_name} as migration beans:
 * V1 (the script in {@code db/expand}) creates three people, V2 expands, V3 contracts.
 * Use with {@code stepwise.locations=classpath:db/expand}.
 */
@Configuration(proxyBeanMethods = false)
public class ExpandContractMigrations {

	/** The change's id, as the endpoint and the engine name it. */
	public static final String CHANGE = "people.full_name";

	@Bean
	V2__Expand_full_name expandFullName() {
		return new V2__Expand_full_name();
	}

	@Bean
	V3__Contract_full_name contractFullName() {
		return new V3__Contract_full_name();
	}

	static class V2__Expand_full_name extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.expand(ColumnChange.renameColumn("people", "name", "full_name"));
		}

	}

	static class V3__Contract_full_name extends SchemaMigration {

		@Override
		public void change(Schema schema) {
			schema.contract(CHANGE);
		}

	}

}
