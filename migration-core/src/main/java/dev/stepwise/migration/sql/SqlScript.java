package dev.stepwise.migration.sql;

import java.util.List;

public record SqlScript(List<SqlStatement> statements, boolean transactional) {
}
