package ai.connecty.athena.local.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a type name given as text, in Hive ({@code array<int>}, {@code struct<a:int>}; Glue and DDL columns, which
 * may also use Trino's {@code array(integer)}, {@code row(a integer)}) or DuckDB ({@code INTEGER[]},
 * {@code STRUCT(a INTEGER)}, {@code MAP(VARCHAR, INTEGER)}; result columns) spelling, into a {@link SqlType}. Types
 * written in a statement are read from Trino's tree instead ({@link TrinoTypes}).
 */
final class TypeParser {

    /** Where a spelling comes from: Hive's bare {@code decimal} is (10,0), DuckDB's is (18,3). */
    enum Dialect { HIVE, DUCKDB }

    private final List<Token> tokens;
    private final Dialect dialect;
    private final String text;
    private int pos;

    private TypeParser(String text, Dialect dialect) {
        this.text = text;
        this.tokens = SqlLexer.significant(SqlLexer.tokenize(text, false));
        this.dialect = dialect;
    }

    static SqlType parse(String text, Dialect dialect) {
        TypeParser parser = new TypeParser(text == null ? "" : text, dialect);
        SqlType type = parser.type();
        if (parser.pos != parser.tokens.size()) {
            throw parser.error();
        }
        return type;
    }

    private SqlType type() {
        SqlType type = baseType();
        // DuckDB lists: INTEGER[] and fixed-size arrays INTEGER[3]
        while (peekSymbol("[")) {
            pos++;
            if (peek() != null && peek().kind() == Token.Kind.NUMBER) {
                pos++;
            }
            expectSymbol("]");
            type = SqlType.array(type);
        }
        return type;
    }

    private SqlType baseType() {
        String name = word();
        switch (name) {
            case "array", "list" -> {
                return SqlType.array(single());
            }
            case "map" -> {
                List<SqlType> kv = arguments(false, new ArrayList<>());
                if (kv.size() != 2) {
                    throw error();
                }
                return SqlType.map(kv.get(0), kv.get(1));
            }
            case "struct", "row" -> {
                if (dialect == Dialect.DUCKDB && name.equals("struct") && isIpAddressStruct()) {
                    pos += 4;
                    return SqlType.simple("ipaddress");
                }
                List<String> names = new ArrayList<>();
                List<SqlType> fields = arguments(true, names);
                return SqlType.row(names, fields);
            }
            case "decimal", "numeric", "dec" -> {
                return decimal();
            }
            case "varchar", "char", "character", "string", "text", "bpchar" -> {
                boolean isChar = name.equals("char") || name.equals("character");
                if (peekWord("varying")) {
                    pos++;
                    isChar = false;
                }
                int length = optionalNumbers().stream().findFirst().orElse(SqlType.UNBOUNDED);
                return new SqlType(isChar ? "char" : "varchar", length, 0, List.of(), List.of());
            }
            case "timestamp", "datetime", "timestamptz" -> {
                optionalNumbers();
                boolean zoned = name.equals("timestamptz") || withTimeZone();
                return SqlType.simple(zoned ? "timestamp with time zone" : "timestamp");
            }
            case "time", "timetz" -> {
                optionalNumbers();
                boolean zoned = name.equals("timetz") || withTimeZone();
                return SqlType.simple(zoned ? "time with time zone" : "time");
            }
            case "interval" -> {
                return interval();
            }
            case "double" -> {
                if (peekWord("precision")) {
                    pos++;
                }
                return SqlType.simple("double");
            }
            case "timestamp_ns" -> {
                // DuckDB's nanosecond timestamp, which holds a Trino timestamp of 7 to 9 digits (TimestampPrecision)
                return SqlType.timestamp("timestamp", TimestampPrecision.MAX_HELD);
            }
            default -> {
                String base = scalar(name);
                if (base == null) {
                    throw error();
                }
                if (base.equals("decimal")) {
                    return name.equals("ubigint") ? SqlType.decimal(20, 0) : SqlType.decimal(38, 0);
                }
                return SqlType.simple(base);
            }
        }
    }

    /** Athena's base type of a one-word type name in any of the three spellings, or null. */
    static String scalar(String name) {
        return switch (name) {
            case "boolean", "bool", "logical" -> "boolean";
            case "tinyint", "int1", "byte" -> "tinyint";
            case "smallint", "int2", "short", "utinyint" -> "smallint";
            case "integer", "int", "int4", "int32", "signed", "usmallint" -> "integer";
            case "bigint", "int8", "int64", "long", "uinteger" -> "bigint";
            case "hugeint", "int128", "uhugeint", "ubigint" -> "decimal";
            case "float", "real", "float4" -> "float";
            case "float8" -> "double";
            case "date" -> "date";
            case "timestamp_s", "timestamp_ms", "timestamp_us" -> "timestamp";
            case "varbinary", "binary", "blob", "bytea", "bytes" -> "varbinary";
            case "uuid" -> "uuid";
            case "json" -> "json";
            case "ipaddress" -> "ipaddress";
            // DuckDB-only types have no Athena counterpart; their text form is the closest thing
            case "enum", "bit", "bitstring", "union", "varint", "bignum", "null" -> "varchar";
            default -> null;
        };
    }

    private SqlType decimal() {
        List<Integer> numbers = optionalNumbers();
        if (numbers.isEmpty()) {
            return dialect == Dialect.DUCKDB ? SqlType.decimal(18, 3) : SqlType.decimal(10, 0);
        }
        return SqlType.decimal(numbers.get(0), numbers.size() > 1 ? numbers.get(1) : 0);
    }

    private SqlType interval() {
        if (peekWord("year") || peekWord("month")) {
            pos++;
            skipIntervalEnd();
            return SqlType.simple("interval year to month");
        }
        if (peek() != null && peek().kind() == Token.Kind.WORD && !peekWord("to")) {
            pos++;
        }
        skipIntervalEnd();
        return SqlType.simple("interval day to second");
    }

    private void skipIntervalEnd() {
        if (peekWord("to")) {
            pos += 2;
        }
    }

    private boolean withTimeZone() {
        if (peekWord("with") || peekWord("without")) {
            boolean with = peekWord("with");
            pos++;
            expectWord("time");
            expectWord("zone");
            return with;
        }
        return false;
    }

    /** {@code <T>} or {@code (T)}. */
    private SqlType single() {
        List<SqlType> types = arguments(false, new ArrayList<>());
        if (types.size() != 1) {
            throw error();
        }
        return types.get(0);
    }

    /** A bracketed, comma-separated list of types or of (optionally) named fields. */
    private List<SqlType> arguments(boolean named, List<String> names) {
        String close;
        if (peekSymbol("<")) {
            close = ">";
        } else if (peekSymbol("(")) {
            close = ")";
        } else {
            throw error();
        }
        pos++;
        List<SqlType> types = new ArrayList<>();
        while (!peekSymbol(close)) {
            if (named) {
                names.add(fieldName());
            }
            types.add(type());
            if (peekSymbol(",")) {
                pos++;
            } else if (!peekSymbol(close)) {
                throw error();
            }
        }
        pos++;
        return types;
    }

    /** A field name, or null when the field is unnamed (DuckDB {@code STRUCT(INTEGER, VARCHAR)}). */
    private String fieldName() {
        Token token = peek();
        if (token == null) {
            throw error();
        }
        Token next = pos + 1 < tokens.size() ? tokens.get(pos + 1) : null;
        if (next != null && next.isSymbol(":")) {
            pos += 2;
            return token.unquoted();
        }
        boolean nameLike = token.kind() == Token.Kind.QUOTED_IDENTIFIER || token.kind() == Token.Kind.BACKQUOTED_IDENTIFIER
                || token.kind() == Token.Kind.WORD;
        boolean typeFollows = next != null && (next.kind() == Token.Kind.WORD || next.kind() == Token.Kind.QUOTED_IDENTIFIER);
        if (nameLike && typeFollows && !startsMultiWordType(token, next)) {
            pos++;
            return token.unquoted();
        }
        return null;
    }

    private static boolean startsMultiWordType(Token first, Token second) {
        String a = first.lower();
        String b = second.lower();
        return (a.equals("double") && b.equals("precision")) || b.equals("with") || b.equals("without")
                || (a.equals("interval") && (b.equals("day") || b.equals("year") || b.equals("month")))
                || b.equals("varying");
    }

    private List<Integer> optionalNumbers() {
        List<Integer> numbers = new ArrayList<>();
        if (!peekSymbol("(")) {
            return numbers;
        }
        pos++;
        while (!peekSymbol(")")) {
            Token token = peek();
            if (token == null || token.kind() != Token.Kind.NUMBER) {
                throw error();
            }
            try {
                numbers.add(Integer.parseInt(token.text()));
            } catch (NumberFormatException notAnInt) { // 1.5, 1e3, or beyond an int: the type's own error, not Java's
                throw error();
            }
            pos++;
            if (peekSymbol(",")) {
                pos++;
            }
        }
        pos++;
        return numbers;
    }

    private String word() {
        Token token = peek();
        if (token == null || (token.kind() != Token.Kind.WORD && token.kind() != Token.Kind.QUOTED_IDENTIFIER)) {
            throw error();
        }
        pos++;
        return token.unquoted().toLowerCase(java.util.Locale.ROOT);
    }

    private void expectWord(String word) {
        if (!peekWord(word)) {
            throw error();
        }
        pos++;
    }

    private void expectSymbol(String symbol) {
        if (!peekSymbol(symbol)) {
            throw error();
        }
        pos++;
    }

    /** Whether {@code (ipaddress UHUGEINT)} follows: DuckDB's holder of an IPADDRESS ({@link IpAddresses}). */
    private boolean isIpAddressStruct() {
        return pos + 3 < tokens.size() && tokens.get(pos).isSymbol("(") && tokens.get(pos + 1).isWord("ipaddress")
                && tokens.get(pos + 2).isWord("uhugeint") && tokens.get(pos + 3).isSymbol(")");
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean peekWord(String word) {
        return peek() != null && peek().isWord(word);
    }

    private boolean peekSymbol(String symbol) {
        return peek() != null && peek().isSymbol(symbol);
    }

    private IllegalArgumentException error() {
        return new IllegalArgumentException("Unknown or malformed type '" + text + "'");
    }
}
