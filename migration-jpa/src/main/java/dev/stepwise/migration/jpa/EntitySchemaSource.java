package dev.stepwise.migration.jpa;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.stepwise.migration.catalog.SchemaSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;

/**
 * The schema JPA entities describe, built by Hibernate ORM itself into a shadow database:
 * Hibernate's own DDL for that database, with Spring Boot's naming
 * ({@code OrderLine.unitPrice} becomes {@code order_line.unit_price}) and the application's
 * {@code spring.jpa.*} settings.
 */
public final class EntitySchemaSource implements SchemaSource {

	private final ClassLoader classLoader;

	private final List<Class<?>> classes;

	private final Map<String, String> properties;

	private EntitySchemaSource(ClassLoader classLoader, List<Class<?>> classes, Map<String, String> properties) {
		this.classLoader = classLoader;
		this.classes = List.copyOf(classes);
		this.properties = Map.copyOf(properties);
	}

	/**
	 * The schema of these managed classes.
	 * @param classes entities, embeddables, mapped superclasses and converters
	 * @param properties {@code spring.jpa.*} and {@code hibernate.*} settings
	 * @return the source
	 */
	public static EntitySchemaSource of(List<Class<?>> classes, Map<String, String> properties) {
		ClassLoader loader = classes.isEmpty() ? EntitySchemaSource.class.getClassLoader()
				: classes.get(0).getClassLoader();
		return new EntitySchemaSource(loader, classes, properties);
	}

	/**
	 * The schema of the managed classes found in packages.
	 * @param classLoader the project's classes
	 * @param packages where to look; none: every class directory of the class loader
	 * @param properties {@code spring.jpa.*} and {@code hibernate.*} settings
	 * @return the source
	 * @throws IllegalStateException when no entity is found
	 */
	public static EntitySchemaSource scan(ClassLoader classLoader, List<String> packages, Map<String, String> properties) {
		List<Class<?>> classes = EntityScanner.scan(classLoader, packages);
		if (classes.isEmpty()) {
			throw new IllegalStateException("No @Entity class found in "
					+ (packages.isEmpty() ? "the project's class directories" : "packages " + packages)
					+ ": compile the project first, or name the packages (--entity-package)");
		}
		return new EntitySchemaSource(classLoader, classes, properties);
	}

	/** The managed classes. */
	public List<Class<?>> classes() {
		return this.classes;
	}

	@Override
	public void buildInto(DataSource shadow) {
		Map<String, Object> settings = JpaSettings.hibernate(this.properties);
		settings.put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, shadow);
		settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
		settings.put(SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, "true");
		BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(this.classLoader)
			.build();
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
		try {
			MetadataSources sources = new MetadataSources(registry);
			this.classes.forEach(sources::addAnnotatedClass);
			try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
				// Building the factory created the schema.
			}
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
		}
	}

}
