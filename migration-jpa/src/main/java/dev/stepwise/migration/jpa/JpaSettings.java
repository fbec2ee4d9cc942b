package dev.stepwise.migration.jpa;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.MappingSettings;

/**
 * The Hibernate settings a Spring Boot application would run with, from its
 * {@code spring.jpa.*} properties: Boot's naming strategies unless
 * {@code spring.jpa.hibernate.naming.*} names others, {@code spring.jpa.properties.*} and
 * {@code hibernate.*} passed through, {@code spring.jpa.database-platform} as the dialect.
 */
final class JpaSettings {

	private static final String PROPERTIES = "spring.jpa.properties.";

	private JpaSettings() {
	}

	static Map<String, Object> hibernate(Map<String, String> properties) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put(MappingSettings.PHYSICAL_NAMING_STRATEGY, new PhysicalNamingStrategySnakeCaseImpl());
		settings.put(MappingSettings.IMPLICIT_NAMING_STRATEGY, new BootImplicitNamingStrategy());
		properties.forEach((key, value) -> {
			if (key.startsWith(PROPERTIES)) {
				settings.put(key.substring(PROPERTIES.length()), value);
			}
			else if (key.startsWith("hibernate.") || key.startsWith("jakarta.persistence.")) {
				settings.put(key, value);
			}
			else if (key.equals("spring.jpa.hibernate.naming.physical-strategy")) {
				settings.put(MappingSettings.PHYSICAL_NAMING_STRATEGY, value);
			}
			else if (key.equals("spring.jpa.hibernate.naming.implicit-strategy")) {
				settings.put(MappingSettings.IMPLICIT_NAMING_STRATEGY, value);
			}
			else if (key.equals("spring.jpa.database-platform")) {
				settings.put("hibernate.dialect", value);
			}
		});
		return settings;
	}

}
