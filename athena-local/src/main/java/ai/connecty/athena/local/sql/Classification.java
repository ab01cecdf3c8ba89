package ai.connecty.athena.local.sql;

/** Athena's StatementType ({@code DML}, {@code DDL}, {@code UTILITY}) and SubstatementType ({@code SELECT}, ...). */
public record Classification(String statementType, String substatementType) {
}
