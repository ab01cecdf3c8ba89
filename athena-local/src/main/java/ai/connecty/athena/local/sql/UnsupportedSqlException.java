package ai.connecty.athena.local.sql;

/** Valid Athena SQL that athena-local cannot run on DuckDB; the message names the construct. */
public final class UnsupportedSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedSqlException(String construct) {
        super("athena-local does not support " + construct + " (see athena-local/SQL-GAPS.md)");
    }
}
