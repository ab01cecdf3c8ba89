package ai.connecty.athena.local.glue;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.engine.ddl.DdlToken;
import ai.connecty.athena.local.engine.ddl.TokenCursor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Glue GetPartitions {@code Expression}: a SQL-like filter over partition keys with =, <>, !=, <, >, <=, >=,
 * AND, OR, NOT, IN, BETWEEN, LIKE, IS [NOT] NULL and parentheses. Integer-typed keys compare numerically.
 */
public final class PartitionFilter {

    private final TokenCursor c;
    private final List<ColumnDef> keys;

    private PartitionFilter(String expression, List<ColumnDef> keys) {
        this.c = new TokenCursor(expression, false);
        this.keys = keys;
    }

    /** A predicate over partition values (in key order); a blank expression accepts everything. */
    public static Predicate<List<String>> parse(String expression, List<ColumnDef> keys) {
        if (expression == null || expression.isBlank()) {
            return v -> true;
        }
        PartitionFilter p = new PartitionFilter(expression, keys);
        Predicate<List<String>> result = p.or();
        p.c.expectEnd();
        return result;
    }

    private Predicate<List<String>> or() {
        Predicate<List<String>> left = and();
        while (c.acceptWords("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<List<String>> and() {
        Predicate<List<String>> left = not();
        while (c.acceptWords("AND")) {
            left = left.and(not());
        }
        return left;
    }

    private Predicate<List<String>> not() {
        if (c.acceptWords("NOT")) {
            return not().negate();
        }
        if (c.acceptSymbol("(")) {
            Predicate<List<String>> inner = or();
            c.expectSymbol(")");
            return inner;
        }
        return predicate();
    }

    private Predicate<List<String>> predicate() {
        String name = c.identifier();
        int index = -1;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equals(name)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("Unknown partition key " + name + " in expression");
        }
        int k = index;
        boolean numeric = keys.get(k).type().matches("tinyint|smallint|int|integer|bigint|decimal.*|double|float");
        if (c.acceptWords("IS")) {
            boolean negate = c.acceptWords("NOT");
            c.expectWords("NULL");
            Predicate<List<String>> isNull = v -> v.get(k) == null;
            return negate ? isNull.negate() : isNull;
        }
        boolean negate = c.acceptWords("NOT");
        Predicate<List<String>> p;
        if (c.acceptWords("IN")) {
            c.expectSymbol("(");
            List<String> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
            p = v -> values.stream().anyMatch(x -> compare(v.get(k), x, numeric) == 0);
        } else if (c.acceptWords("BETWEEN")) {
            String low = literal();
            c.expectWords("AND");
            String high = literal();
            p = v -> compare(v.get(k), low, numeric) >= 0 && compare(v.get(k), high, numeric) <= 0;
        } else if (c.acceptWords("LIKE")) {
            Pattern like = likePattern(literal());
            p = v -> v.get(k) != null && like.matcher(v.get(k)).matches();
        } else {
            String op = operator();
            String value = literal();
            p = v -> {
                int cmp = compare(v.get(k), value, numeric);
                return switch (op) {
                    case "=" -> cmp == 0;
                    case "<>", "!=" -> cmp != 0;
                    case "<" -> cmp < 0;
                    case ">" -> cmp > 0;
                    case "<=" -> cmp <= 0;
                    default -> cmp >= 0;
                };
            };
        }
        return negate ? p.negate() : p;
    }

    private String operator() {
        String op = c.next().text();
        if ((op.equals("<") || op.equals(">") || op.equals("!")) && (c.peekSymbol("=") || c.peekSymbol(">"))) {
            op += c.next().text();
        }
        if (!List.of("=", "<>", "!=", "<", ">", "<=", ">=").contains(op)) {
            throw new IllegalArgumentException("Unsupported operator " + op + " in partition expression");
        }
        return op;
    }

    private String literal() {
        DdlToken t = c.next();
        if (t.kind() == DdlToken.Kind.STRING) {
            return t.stringValue();
        }
        if (t.isSymbol("-")) {
            return "-" + c.next().text();
        }
        return t.text();
    }

    private static int compare(String actual, String expected, boolean numeric) {
        if (actual == null) {
            return -1;
        }
        if (numeric) {
            try {
                return new BigDecimal(actual).compareTo(new BigDecimal(expected));
            } catch (NumberFormatException e) {
                return actual.compareTo(expected);
            }
        }
        return actual.compareTo(expected);
    }

    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (char ch : like.toCharArray()) {
            regex.append(ch == '%' ? ".*" : ch == '_' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
