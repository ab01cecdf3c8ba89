package ai.connecty.athena.local.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Tokens nested by parentheses and brackets, so call arguments and sub-queries can be rewritten as units. */
final class SqlTree {

    sealed interface Node permits Leaf, Group {
        /** The original text of the node. */
        String text();
    }

    record Leaf(Token token) implements Node {
        @Override
        public String text() {
            return token.text();
        }

        boolean isTrivia() {
            return token.isTrivia();
        }
    }

    /** A bracketed run: {@code open} is {@code (} or {@code [}; {@code close} is null when never closed. */
    record Group(Token open, List<Node> children, Token close) implements Node {
        @Override
        public String text() {
            StringBuilder sb = new StringBuilder(open.text());
            children.forEach(child -> sb.append(child.text()));
            return close == null ? sb.toString() : sb.append(close.text()).toString();
        }

        boolean isParen() {
            return open.text().equals("(");
        }

        /** The children split at top-level commas. */
        List<List<Node>> arguments() {
            return split(children, ",");
        }
    }

    private SqlTree() {
    }

    static List<Node> parse(String sql) {
        Deque<List<Node>> stack = new ArrayDeque<>();
        Deque<Token> opens = new ArrayDeque<>();
        List<Node> current = new ArrayList<>();
        for (Token token : SqlLexer.tokenize(sql)) {
            if (token.isSymbol("(") || token.isSymbol("[")) {
                stack.push(current);
                opens.push(token);
                current = new ArrayList<>();
            } else if ((token.isSymbol(")") || token.isSymbol("]")) && !opens.isEmpty()) {
                List<Node> parent = stack.pop();
                parent.add(new Group(opens.pop(), current, token));
                current = parent;
            } else {
                current.add(new Leaf(token));
            }
        }
        while (!opens.isEmpty()) {
            List<Node> parent = stack.pop();
            parent.add(new Group(opens.pop(), current, null));
            current = parent;
        }
        return current;
    }

    static boolean isTrivia(Node node) {
        return node instanceof Leaf leaf && leaf.isTrivia();
    }

    static boolean isWord(Node node, String word) {
        return node instanceof Leaf leaf && leaf.token().isWord(word);
    }

    static boolean isSymbol(Node node, String symbol) {
        return node instanceof Leaf leaf && leaf.token().isSymbol(symbol);
    }

    static boolean isParenGroup(Node node) {
        return node instanceof Group group && group.isParen();
    }

    /** Index of the first non-trivia node at or after {@code from}, or {@code nodes.size()}. */
    static int next(List<Node> nodes, int from) {
        int i = from;
        while (i < nodes.size() && isTrivia(nodes.get(i))) {
            i++;
        }
        return i;
    }

    /** Index of the last non-trivia node before {@code before}, or -1. */
    static int previous(List<Node> nodes, int before) {
        int i = before - 1;
        while (i >= 0 && isTrivia(nodes.get(i))) {
            i--;
        }
        return i;
    }

    static List<Node> significant(List<Node> nodes) {
        return nodes.stream().filter(n -> !isTrivia(n)).toList();
    }

    static List<List<Node>> split(List<Node> nodes, String separator) {
        List<List<Node>> parts = new ArrayList<>();
        List<Node> part = new ArrayList<>();
        for (Node node : nodes) {
            if (isSymbol(node, separator)) {
                parts.add(part);
                part = new ArrayList<>();
            } else {
                part.add(node);
            }
        }
        if (!part.isEmpty() || !parts.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    static String text(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        nodes.forEach(n -> sb.append(n.text()));
        return sb.toString();
    }
}
