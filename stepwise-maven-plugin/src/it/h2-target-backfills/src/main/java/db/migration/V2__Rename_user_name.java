package db.migration;

import dev.stepwise.migration.expand.ColumnChange;
import dev.stepwise.migration.java.SchemaMigration;
import dev.stepwise.migration.schema.Schema;

public class V2__Rename_user_name extends SchemaMigration {

	@Override
	public void change(Schema schema) {
		schema.expand(ColumnChange.renameColumn("users", "name", "display_name"));
	}

}
