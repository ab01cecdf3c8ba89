package ai.connecty.athena.local.sql;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.Cast;
import io.trino.sql.tree.DefaultTraversalVisitor;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Parameter;
import io.trino.sql.tree.StringLiteral;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ExecutionParameters as Athena binds them: each {@code ?} of the statement (a Trino {@link Parameter} node, so a
 * {@code ?} inside a string or comment is none) takes the value at its position. A value that parses as an
 * expression without column references is used as that expression ({@code 'abc'}, {@code 1 + 1},
 * {@code DATE '2024-01-01'}, {@code now()}); anything else ({@code abc def}, {@code it's}, a UUID, {@code x + 1})
 * becomes a string literal. Values given to a statement without {@code ?} are ignored.
 */
public final class QueryParameters {

    private static final SqlParser PARSER = new SqlParser();

    /** The statement with its parameters bound, or why it cannot be (Trino's INVALID_PARAMETER_USAGE message). */
    public record Bound(SqlStatement statement, String error) {
    }

    private QueryParameters() {
    }

    /**
     * @param parsed the statement as {@link SqlStatement#parse} accepted it
     * @param values the ExecutionParameters ({@code null} elements already dropped)
     */
    public static Bound bind(SqlStatement parsed, List<String> values) {
        String statement = parsed.text();
        // A PREPARE keeps its ? marks: EXECUTE binds them.
        if (!parsed.onTrinoPath() || parsed.tree() instanceof io.trino.sql.tree.Prepare || !statement.contains("?")) {
            return new Bound(parsed, null);
        }
        List<Parameter> parameters = new ArrayList<>();
        new DefaultTraversalVisitor<Void>() {
            @Override
            protected Void visitParameter(Parameter node, Void context) {
                parameters.add(node);
                return null;
            }
        }.process(parsed.tree(), null);
        if (parameters.isEmpty()) {
            return new Bound(parsed, null);
        }
        if (parameters.size() != values.size()) {
            return new Bound(parsed, "line 1:1: Incorrect number of parameters: expected " + parameters.size()
                    + " but found " + values.size());
        }
        // Values go to the ? marks in the order they are written. Trino's parser numbers a WITH clause's marks
        // after the query body's, but its engine binds by position in the text (trinodb/trino#14738), as Athena does.
        List<Parameter> written = new ArrayList<>(parameters);
        written.sort(Comparator.comparingInt((Parameter p) -> p.getLocation().orElseThrow().getLineNumber())
                .thenComparingInt(p -> p.getLocation().orElseThrow().getColumnNumber()));
        String[] valueById = new String[parameters.size()];
        for (int i = 0; i < written.size(); i++) {
            valueById[written.get(i).getId()] = values.get(i);
        }
        // Each value parsed once: the rewritten text and the printer's bound tree both follow from it.
        Expression[] expressionById = new Expression[valueById.length];
        for (int id = 0; id < valueById.length; id++) {
            expressionById[id] = expressionWithoutColumns(valueById[id]);
        }
        List<int[]> edits = new ArrayList<>();
        for (Parameter p : parameters) {
            edits.add(new int[] {Positions.offset(statement, p.getLocation().orElseThrow()), p.getId()});
        }
        edits.sort(Comparator.comparingInt((int[] e) -> e[0]).reversed());
        StringBuilder sb = new StringBuilder(statement);
        for (int[] edit : edits) {
            if (sb.charAt(edit[0]) != '?') {
                throw new IllegalStateException("parameter " + edit[1] + " is not at a '?'");
            }
            String value = valueById[edit[1]];
            // An expression without column references stands as written; anything else is a string literal.
            sb.replace(edit[0], edit[0] + 1, "(" + (expressionById[edit[1]] != null ? value : Literals.quote(value)) + ")");
        }
        // By the Parameter nodes' ids, which is how the printer looks them up.
        List<SqlStatement.BoundValue> bound = new ArrayList<>();
        for (int id = 0; id < valueById.length; id++) {
            Expression e = expressionById[id];
            bound.add(new SqlStatement.BoundValue(valueById[id], e != null ? e : new StringLiteral(valueById[id])));
        }
        return new Bound(parsed.withParameters(sb.toString(), bound), null);
    }

    /** The value parsed as an expression, or null when it is none or refers to columns (then it is a string). */
    private static Expression expressionWithoutColumns(String value) {
        try {
            Expression e = PARSER.createExpression(value);
            return refersToColumns(e) ? null : e;
        } catch (ParsingException | StackOverflowError notAnExpression) {
            return null;
        }
    }

    private static boolean refersToColumns(Node expression) {
        boolean[] found = {false};
        new DefaultTraversalVisitor<Void>() {
            @Override
            protected Void visitIdentifier(Identifier node, Void context) {
                found[0] = true;
                return null;
            }

            @Override
            protected Void visitDereferenceExpression(DereferenceExpression node, Void context) {
                found[0] = true;
                return null;
            }

            @Override
            protected Void visitParameter(Parameter node, Void context) {
                found[0] = true;
                return null;
            }

            @Override
            protected Void visitCast(Cast node, Void context) {
                // The target type's name is no column: only the cast value can refer to one.
                process(node.getExpression(), context);
                return null;
            }
        }.process(expression, null);
        return found[0];
    }

}
