package db.migration;

import dev.stepwise.migration.java.BaseJavaMigration;
import dev.stepwise.migration.java.MigrationContext;

public class V3__Seed_users extends BaseJavaMigration {

	@Override
	public void up(MigrationContext context) throws Exception {
		context.execute("INSERT INTO users (id, name, email) VALUES (2, 'bob', 'bob@example.com')");
	}

	@Override
	public void down(MigrationContext context) throws Exception {
		context.execute("DELETE FROM users WHERE id = 2");
	}

}
