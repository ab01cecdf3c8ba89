package ai.connecty.athena.local.engine.ddl;

import ai.connecty.athena.local.sql.SqlStatement;

/**
 * The outcome of parsing a Hive-path statement once, at StartQueryExecution: the statement, or why it does not parse.
 * A syntax error is kept, not thrown, because Athena accepts the statement and the query FAILS when it runs; the
 * DESCRIBE lookup at start and the executor both read this one parse.
 */
public final class ParsedDdl {

    private final DdlStatement statement;
    private final RuntimeException failure;

    private ParsedDdl(DdlStatement statement, RuntimeException failure) {
        this.statement = statement;
        this.failure = failure;
    }

    /**
     * The one DDL parse of a statement on the Hive path, from its tokens ({@link DdlParser#parse(SqlStatement)});
     * null for a statement on the Trino path, which has its tree already.
     */
    public static ParsedDdl ofHivePath(SqlStatement statement) {
        return statement.onTrinoPath() ? null : of(statement);
    }

    /** Parses a Hive-path statement from its tokens ({@link DdlParser#parse(SqlStatement)}). */
    public static ParsedDdl of(SqlStatement statement) {
        try {
            return new ParsedDdl(DdlParser.parse(statement), null);
        } catch (RuntimeException e) {
            return new ParsedDdl(null, e);
        }
    }

    /**
     * The parsed statement.
     *
     * @throws DdlSyntaxException when it did not parse (or whatever else the parse threw)
     */
    public DdlStatement statement() {
        if (failure != null) {
            throw failure;
        }
        return statement;
    }

    /** Whether the statement parsed. */
    public boolean parsed() {
        return failure == null;
    }
}
