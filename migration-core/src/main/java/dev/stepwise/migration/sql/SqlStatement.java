package dev.stepwise.migration.sql;

public record SqlStatement(String sql, int line, boolean transactional) {
}
