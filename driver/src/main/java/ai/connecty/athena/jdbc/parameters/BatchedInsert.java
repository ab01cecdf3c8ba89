package ai.connecty.athena.jdbc.parameters;

import ai.connecty.athena.jdbc.config.QueryTextLimit;
import ai.connecty.athena.jdbc.execution.SqlTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A single-row {@code INSERT INTO t [(columns)] VALUES (one tuple)} whose PreparedStatement batch is sent as few
 * multi-row {@code INSERT ... VALUES (...), (...), ...} statements as Athena's limits allow.
 *
 * <p>Why: Athena has no batch call, each statement is a query of a second or more, and every INSERT writes at least
 * one file to S3. A batch of 1,000 items run one by one (DBeaver's data transfer, Spring's batchUpdate, ETL tools)
 * takes many minutes and leaves 1,000 tiny files; one INSERT of 1,000 rows takes about as long as one row. pgjdbc's
 * {@code reWriteBatchedInserts} and MySQL's {@code rewriteBatchedStatements} rewrite for the same reason.
 *
 * <p>The text is read with {@link SqlTokens} (string literals, quoted names and comments are single tokens or
 * skipped, so a {@code ?}, parenthesis or comma inside them changes nothing); anything but the one shape above (INSERT
 * ... SELECT, several tuples already, WITH, UPDATE ...) is not recognised, and its batch runs item by item. The
 * values still travel as ExecutionParameters: the tuple is repeated as written, and each row's literals follow the
 * previous row's in the one positional list, never spliced into the text.
 */
public final class BatchedInsert {
    /** Rows per rewritten statement: bounds the files and the plan of one INSERT, as pgjdbc bounds its rewrite. */
    public static final int MAX_ROWS = 1000;
    /** Between two repeated tuples. */
    private static final String SEPARATOR = ", ";

    private final String head;
    private final String tuple;
    private final String tail;
    private final int fixedBytes;
    private final int tupleBytes;

    private BatchedInsert(String sql, int tupleStart, int tupleEnd) {
        this.head = sql.substring(0, tupleStart);
        this.tuple = sql.substring(tupleStart, tupleEnd);
        this.tail = sql.substring(tupleEnd);
        this.fixedBytes = utf8Length(head) + utf8Length(tail);
        this.tupleBytes = utf8Length(tuple);
    }

    /** The insert when {@code sql} has exactly the shape this class rewrites; empty for any other statement. */
    public static Optional<BatchedInsert> of(String sql) {
        SqlTokens tokens = new SqlTokens(sql);
        if (!keyword(tokens.next(), "INSERT") || !keyword(tokens.next(), "INTO")) {
            return Optional.empty();
        }
        String name = tokens.next();
        if (name == null || tokens.qualifiedName(name).isEmpty()) {
            return Optional.empty();
        }
        String token = tokens.next();
        if ("(".equals(token)) {
            if (!columnList(tokens)) {
                return Optional.empty();
            }
            token = tokens.next();
        }
        if (!keyword(token, "VALUES") || !"(".equals(tokens.next())) {
            return Optional.empty();
        }
        int tupleStart = tokens.position() - 1;
        int depth = 1;
        while (depth > 0) {
            token = tokens.next();
            if (token == null) {
                return Optional.empty();
            }
            if ("(".equals(token)) {
                depth++;
            } else if (")".equals(token)) {
                depth--;
            }
        }
        int tupleEnd = tokens.position();
        // Only the end may follow the tuple: another tuple, ON, RETURNING or a second statement is not this shape.
        token = tokens.next();
        if (";".equals(token)) {
            token = tokens.next();
        }
        return token == null ? Optional.of(new BatchedInsert(sql, tupleStart, tupleEnd)) : Optional.empty();
    }

    /** {@code name, name, ... )} after the column list's opening parenthesis. */
    private static boolean columnList(SqlTokens tokens) {
        while (true) {
            String column = tokens.next();
            if (column == null || !SqlTokens.isName(column)) {
                return false;
            }
            String after = tokens.next();
            if (")".equals(after)) {
                return true;
            }
            if (!",".equals(after)) {
                return false;
            }
        }
    }

    private static boolean keyword(String token, String word) {
        return token != null && token.equalsIgnoreCase(word);
    }

    /** The statement with its tuple written {@code rows} times. */
    public String text(int rows) {
        StringBuilder text = new StringBuilder(head.length() + tail.length() + rows * (tuple.length() + 2));
        text.append(head).append(tuple);
        for (int i = 1; i < rows; i++) {
            text.append(SEPARATOR).append(tuple);
        }
        return text.append(tail).toString();
    }

    /** The batch's items in statements of at most {@link #MAX_ROWS} rows and Athena's QueryString limit. */
    public List<Chunk> chunks(List<List<String>> itemLiterals) {
        return chunks(itemLiterals, MAX_ROWS, QueryTextLimit.MAX_QUERY_BYTES);
    }

    /**
     * The items, in order, cut into statements of at most {@code maxRows} rows whose text and parameters together
     * stay within {@code maxBytes} UTF-8 bytes (Athena counts the parameters against the QueryString limit). An item
     * that alone exceeds the bytes is a statement of its own, which fails as it does outside a batch.
     */
    public List<Chunk> chunks(List<List<String>> itemLiterals, int maxRows, int maxBytes) {
        List<Chunk> chunks = new ArrayList<>();
        int first = 0;
        long bytes = fixedBytes;
        for (int item = 0; item < itemLiterals.size(); item++) {
            int rows = item - first;
            long itemBytes = tupleBytes + literalBytes(itemLiterals.get(item));
            if (rows > 0 && (rows == maxRows || bytes + SEPARATOR.length() + itemBytes > maxBytes)) {
                chunks.add(chunk(itemLiterals, first, rows));
                first = item;
                rows = 0;
                bytes = fixedBytes;
            }
            bytes += (rows > 0 ? SEPARATOR.length() : 0) + itemBytes;
        }
        if (first < itemLiterals.size()) {
            chunks.add(chunk(itemLiterals, first, itemLiterals.size() - first));
        }
        return chunks;
    }

    private Chunk chunk(List<List<String>> itemLiterals, int first, int rows) {
        List<String> parameters = new ArrayList<>();
        for (int item = first; item < first + rows; item++) {
            parameters.addAll(itemLiterals.get(item));
        }
        return new Chunk(first, rows, text(rows), parameters);
    }

    private static long literalBytes(List<String> literals) {
        long bytes = 0;
        for (String literal : literals) {
            bytes += utf8Length(literal);
        }
        return bytes;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One statement of a rewritten batch: items {@code first} to {@code first + rows - 1} (from 0). */
    public static final class Chunk {
        private final int first;
        private final int rows;
        private final String text;
        private final List<String> parameters;

        Chunk(int first, int rows, String text, List<String> parameters) {
            this.first = first;
            this.rows = rows;
            this.text = text;
            this.parameters = Collections.unmodifiableList(parameters);
        }

        /** The index (from 0) of its first item in the batch. */
        public int first() {
            return first;
        }

        public int rows() {
            return rows;
        }

        public String text() {
            return text;
        }

        /** Every row's literals, row after row: the ExecutionParameters, empty when the tuple has no {@code ?}. */
        public List<String> parameters() {
            return parameters;
        }
    }
}
