package ai.connecty.athena.local.sql;

import ai.connecty.athena.local.sql.JsonPathLanguage.*;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Trino 431's JSON path grammar: the lexer and the recursive-descent parser from path text to a
 * {@link JsonPathLanguage.Path}.
 */
final class JsonPathParser {
    private record Token(String kind, String text, int offset) {
    }

    private static final Set<String> METHODS = Set.of("type", "size", "double", "ceiling", "floor", "abs",
            "datetime", "keyvalue");
    private static final List<String> SYMBOLS = List.of("==", "<>", "!=", "<=", ">=", "&&", "||", "<", ">", "!",
            ".", "*", "[", "]", ",", "(", ")", "?", "+", "-", "/", "%", "@");

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final Set<String> variables = new java.util.HashSet<>();
    private int position;

    JsonPathParser(String text) {
        this.text = text;
        lex();
    }

    private void lex() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                int start = i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new SyntaxError("unterminated string literal", start);
                    }
                    char d = text.charAt(i++);
                    if (d == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            value.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(d);
                    }
                }
                tokens.add(new Token("string", value.toString(), start));
            } else if (c == '$') {
                int start = i++;
                if (i < text.length() && isIdentifierStart(text.charAt(i))) {
                    int nameStart = i;
                    while (i < text.length() && isIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token("variable", text.substring(nameStart, i), start));
                } else {
                    tokens.add(new Token("$", "$", start));
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)) && !afterAccessorBase())) {
                int start = i;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                boolean decimal = false;
                if (i < text.length() && text.charAt(i) == '.') {
                    decimal = true;
                    i++;
                    while (i < text.length() && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                }
                boolean exponent = false;
                if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    int mark = i++;
                    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < text.length() && Character.isDigit(text.charAt(i))) {
                        exponent = true;
                        while (i < text.length() && Character.isDigit(text.charAt(i))) {
                            i++;
                        }
                    } else {
                        i = mark;
                    }
                }
                tokens.add(new Token(exponent ? "double" : decimal ? "decimal" : "integer",
                        text.substring(start, i), start));
            } else if (isIdentifierStart(c)) {
                int start = i;
                while (i < text.length() && isIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token("name", text.substring(start, i), start));
            } else {
                String symbol = null;
                for (String s : SYMBOLS) {
                    if (text.startsWith(s, i)) {
                        symbol = s;
                        break;
                    }
                }
                if (symbol == null) {
                    throw new SyntaxError("unexpected character '" + c + "'", i);
                }
                tokens.add(new Token(symbol, symbol, i));
                i += symbol.length();
            }
        }
        tokens.add(new Token("end", "<EOF>", text.length()));
    }

    /** A '.' after an item ends an accessor ({@code $.1} is no number), unlike one after an operator. */
    private boolean afterAccessorBase() {
        if (tokens.isEmpty()) {
            return false;
        }
        String last = tokens.get(tokens.size() - 1).kind();
        return last.equals("$") || last.equals("variable") || last.equals("name") || last.equals(")")
                || last.equals("]") || last.equals("@") || last.equals("string");
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private boolean at(String kind) {
        return peek().kind().equals(kind);
    }

    private boolean atName(String name) {
        return at("name") && peek().text().equals(name);
    }

    private Token next() {
        return tokens.get(position++);
    }

    private Token expect(String kind) {
        if (!at(kind)) {
            throw unexpected();
        }
        return next();
    }

    private SyntaxError unexpected() {
        Token token = peek();
        return new SyntaxError("mismatched input '" + token.text() + "'", token.offset());
    }

    Path path() {
        boolean lax;
        if (atName("lax")) {
            lax = true;
        } else if (atName("strict")) {
            lax = false;
        } else {
            throw unexpected();
        }
        next();
        Node root = expression();
        expect("end");
        return new Path(lax, root, Set.copyOf(variables));
    }

    private Node expression() {
        Node left = term();
        while (at("+") || at("-")) {
            char operator = next().text().charAt(0);
            left = new Binary(operator, left, term());
        }
        return left;
    }

    private Node term() {
        Node left = unary();
        while (at("*") || at("/") || at("%")) {
            char operator = next().text().charAt(0);
            left = new Binary(operator, left, unary());
        }
        return left;
    }

    private Node unary() {
        if (at("+") || at("-")) {
            boolean minus = next().kind().equals("-");
            if (minus && (at("integer") || at("decimal") || at("double"))) {
                return accessors(new Literal(number(next(), true)));
            }
            return new Unary(minus, unary());
        }
        return accessors(primary());
    }

    private Node primary() {
        Token token = peek();
        switch (token.kind()) {
            case "integer", "decimal", "double" -> {
                next();
                return new Literal(number(token, false));
            }
            case "string" -> {
                next();
                return new Literal(TextNode.valueOf(token.text()));
            }
            case "$" -> {
                next();
                return new Context();
            }
            case "variable" -> {
                next();
                variables.add(token.text());
                return new Variable(token.text());
            }
            case "@" -> {
                next();
                return new Current();
            }
            case "(" -> {
                next();
                Node inner = expression();
                expect(")");
                return inner;
            }
            case "name" -> {
                switch (token.text()) {
                    case "true", "false" -> {
                        next();
                        return new Literal(BooleanNode.valueOf(token.text().equals("true")));
                    }
                    case "null" -> {
                        next();
                        return new Literal(NullNode.getInstance());
                    }
                    case "last" -> {
                        next();
                        return new Last();
                    }
                    default -> throw unexpected();
                }
            }
            default -> throw unexpected();
        }
    }

    private static JsonNode number(Token token, boolean negative) {
        String digits = (negative ? "-" : "") + token.text();
        return switch (token.kind()) {
            case "integer" -> {
                BigInteger value = new BigInteger(digits);
                if (value.bitLength() < 32) {
                    yield IntNode.valueOf(value.intValue());
                }
                if (value.bitLength() < 64) {
                    yield LongNode.valueOf(value.longValue());
                }
                yield DecimalNode.valueOf(new BigDecimal(value));
            }
            case "decimal" -> DecimalNode.valueOf(new BigDecimal(digits.endsWith(".") ? digits + "0" : digits));
            default -> DoubleNode.valueOf(Double.parseDouble(digits));
        };
    }

    private Node accessors(Node base) {
        Node node = base;
        while (true) {
            if (at(".")) {
                next();
                Token token = peek();
                if (at("*")) {
                    next();
                    node = new Wildcard(node);
                } else if (at("string")) {
                    next();
                    node = new Member(node, token.text());
                } else if (at("name")) {
                    next();
                    if (at("(") && METHODS.contains(token.text())) {
                        next();
                        if (token.text().equals("datetime")) {
                            throw new Unsupported("datetime method in JSON path is not yet supported");
                        }
                        expect(")");
                        node = new Method(node, token.text());
                    } else {
                        node = new Member(node, token.text());
                    }
                } else {
                    throw unexpected();
                }
            } else if (at("[")) {
                next();
                if (at("*")) {
                    next();
                    expect("]");
                    node = new ArrayWildcard(node);
                    continue;
                }
                List<Subscript> subscripts = new ArrayList<>();
                do {
                    Node from = expression();
                    Node to = null;
                    if (atName("to")) {
                        next();
                        to = expression();
                    }
                    subscripts.add(new Subscript(from, to));
                } while (at(",") && next() != null);
                expect("]");
                node = new ArrayAccess(node, subscripts);
            } else if (at("?")) {
                next();
                expect("(");
                Predicate predicate = predicate();
                expect(")");
                node = new Filter(node, predicate);
            } else {
                return node;
            }
        }
    }

    private Predicate predicate() {
        Predicate left = conjunction();
        while (at("||")) {
            next();
            left = new Or(left, conjunction());
        }
        return left;
    }

    private Predicate conjunction() {
        Predicate left = negation();
        while (at("&&")) {
            next();
            left = new And(left, negation());
        }
        return left;
    }

    private Predicate negation() {
        if (at("!")) {
            next();
            return new Not(delimited());
        }
        return primaryPredicate();
    }

    private Predicate delimited() {
        if (atName("exists") && peek(1).kind().equals("(")) {
            next();
            next();
            Node path = expression();
            expect(")");
            return new Exists(path);
        }
        expect("(");
        Predicate inner = predicate();
        expect(")");
        return inner;
    }

    private Predicate primaryPredicate() {
        int mark = position;
        try {
            Node left = expression();
            if (at("==") || at("<>") || at("!=") || at("<") || at(">") || at("<=") || at(">=")) {
                String operator = next().kind();
                return new Comparison(operator, left, expression());
            }
            if (atName("like_regex")) {
                throw new Unsupported("like_regex predicate in JSON path is not yet supported");
            }
            if (atName("starts") && peek(1).kind().equals("name") && peek(1).text().equals("with")) {
                next();
                next();
                Token prefix = peek();
                if (at("string")) {
                    next();
                    return new StartsWith(left, new Literal(TextNode.valueOf(prefix.text())));
                }
                if (at("variable")) {
                    next();
                    variables.add(prefix.text());
                    return new StartsWith(left, new Variable(prefix.text()));
                }
                throw unexpected();
            }
            throw unexpected();
        } catch (SyntaxError asPath) {
            int failedAt = position;
            position = mark;
            try {
                Predicate predicate = delimited();
                if (atName("is") && peek(1).kind().equals("name") && peek(1).text().equals("unknown")) {
                    next();
                    next();
                    return new IsUnknown(predicate);
                }
                return predicate;
            } catch (SyntaxError asPredicate) {
                throw position >= failedAt ? asPredicate : asPath;
            }
        }
    }
}
