package ai.connecty.athena.local.sql;

import io.trino.sql.ExpressionFormatter;
import io.trino.sql.tree.Deallocate;
import io.trino.sql.tree.Execute;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Prepare;
import java.util.List;
import java.util.Optional;

/**
 * The SQL side of Athena's prepared statements: the name and text a PREPARE stores, and an EXECUTE turned into the
 * prepared statement with its {@code ?} bound, as ExecutionParameters bind them ({@link QueryParameters}).
 */
public final class PreparedSql {

    private PreparedSql() {
    }

    /** The name a PREPARE, EXECUTE or DEALLOCATE PREPARE names, as written (Trino keeps its case). */
    public static Optional<String> name(SqlStatement statement) {
        if (statement.tree() instanceof Prepare p) {
            return Optional.of(p.getName().getValue());
        }
        if (statement.tree() instanceof Execute e) {
            return Optional.of(e.getName().getValue());
        }
        if (statement.tree() instanceof Deallocate d) {
            return Optional.of(d.getName().getValue());
        }
        return Optional.empty();
    }

    /** The text of the statement a PREPARE carries: from its first token to the end (its QueryStatement). */
    public static String preparedText(SqlStatement prepare) {
        // PREPARE name FROM <statement>: the statement starts at the fourth significant token (an UNLOAD's tree
        // starts at its query, inside it, so the tree's position would not do).
        List<Token> tokens = SqlLexer.significant(prepare.text());
        return prepare.text().substring(tokens.get(3).start()).strip();
    }

    /**
     * The prepared statement {@code preparedText} with the EXECUTE's USING values bound to its {@code ?} in order;
     * without USING, the request's ExecutionParameters are bound instead (what Athena's console sends for
     * {@code EXECUTE name}). A count that does not match is the binding's error, as for ExecutionParameters.
     */
    public static QueryParameters.Bound bindExecute(SqlStatement execute, String preparedText,
                                                    List<String> executionParameters) {
        List<Expression> using = ((Execute) execute.tree()).getParameters();
        List<String> values = using.isEmpty() ? executionParameters
                : using.stream().map(ExpressionFormatter::formatExpression).toList();
        return QueryParameters.bind(SqlStatement.parse(preparedText), values);
    }
}
