package ai.connecty.athena.local.sql;

import io.trino.sql.tree.Expression;
import io.trino.sql.tree.NullLiteral;
import io.trino.sql.tree.StringLiteral;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Trino function calls rewritten for DuckDB (see {@link DuckDbPrinter}). Functions that agree are not listed. */
final class Calls {

    /**
     * One call argument: its DuckDB text, its Trino tree (to recognise literals) and the type the catalog or the tree
     * shows for it ({@link KnownTypes}; null where none).
     */
    record Arg(String sql, Expression expression, SqlType type) {

        Arg(String sql, Expression expression) {
            this(sql, expression, null);
        }

        boolean isString() {
            return expression instanceof StringLiteral;
        }

        String stringValue() {
            return ((StringLiteral) expression).getValue();
        }

        /** Whether the argument's type is known to be {@code name} ({@link SqlType#is}). */
        boolean isA(String name) {
            return type != null && type.is(name);
        }
    }

    /** DuckDB's random double in [0, 1), which {@link #random} scales to the bounds. */
    static final String RANDOM_VALUE = "random()";

    private static final Map<String, Function<List<Arg>, String>> RULES = new HashMap<>();

    static {
        // Trino's HyperLogLog is exact for small sets and within 2.3% otherwise; DuckDB's sketch is often off by
        // 10% on a few hundred values, so count exactly (the optional error bound has nothing left to bound).
        RULES.put("approx_distinct", a -> "count(DISTINCT " + a.get(0).sql() + ")");
        RULES.put("approx_percentile", Calls::approxPercentile);
        RULES.put("checksum", Calls::checksum);
        RULES.put("rand", a -> random(a, RANDOM_VALUE));
        RULES.put("random", a -> random(a, RANDOM_VALUE));
        rename("codepoint", "unicode");
        rename("zip", "list_zip");
        CollectionCalls.addTo(RULES);
        StatisticalFunctions.addTo(RULES);
        RULES.put("greatest", a -> nullIfAnyNull(a, "greatest"));
        RULES.put("least", a -> nullIfAnyNull(a, "least"));
        RULES.put("array_distinct", a -> CollectionMacros.DISTINCT + "(" + join(a) + ")");
        RULES.put("array_union", a -> CollectionMacros.UNION + "(" + a.get(0).sql() + ", " + a.get(1).sql() + ")");
        RULES.put("array_except", a -> CollectionMacros.EXCEPT + "(" + a.get(0).sql() + ", " + a.get(1).sql() + ")");
        RULES.put("split_to_map", a -> CollectionMacros.SPLIT_TO_MAP + "(" + a.get(0).sql() + ", " + a.get(1).sql()
                + ", " + a.get(2).sql() + ")");
        RULES.put("json_array_contains", a -> CollectionMacros.JSON_ARRAY_CONTAINS + "(" + a.get(0).sql() + ", "
                + a.get(1).sql() + ")");
        RULES.put("length", Calls::length);
        RULES.put("regexp_count", a -> "len(regexp_extract_all(" + a.get(0).sql() + ", " + a.get(1).sql() + "))");
        rename("arbitrary", "any_value");
        rename("regexp_like", "regexp_matches");
        // contains(varchar, ipaddress) tests a CIDR network; contains(array(T), T) is DuckDB's list_contains
        RULES.put("contains", a -> {
            String network = IpAddresses.contains(a);
            return network != null ? network : "list_contains(" + join(a) + ")";
        });
        RULES.put("split", StringCalls::split);
        rename("is_nan", "isnan");
        rename("is_finite", "isfinite");
        rename("is_infinite", "isinf");
        // DuckDB's json() fails with its own parser's words; Trino's json_parse with INVALID_FUNCTION_ARGUMENT.
        RULES.put("json_parse", a -> "CASE WHEN (" + a.get(0).sql() + ") IS NULL THEN NULL WHEN json_valid("
                + a.get(0).sql() + ") THEN json(" + a.get(0).sql() + ") ELSE " + RaisedErrors.raise(
                "INVALID_FUNCTION_ARGUMENT", "'Cannot convert value to JSON: ''' || (" + a.get(0).sql() + ") || ''''")
                + " END");
        for (String digest : List.of("md5", "sha1", "sha256", "sha512", "crc32", "hmac_md5", "hmac_sha1", "hmac_sha256",
                "hmac_sha512")) {
            RULES.put(digest, a -> HashFunctions.call(digest, a));
        }
        for (String encoding : List.of("soundex", "xxhash64", "spooky_hash_v2_32", "spooky_hash_v2_64", "to_base32",
                "from_base32", "to_base64url", "to_big_endian_32", "to_big_endian_64", "to_ieee754_32", "to_ieee754_64",
                "normalize", "split_to_multimap", "contains_sequence", "shuffle")) {
            RULES.put(encoding, a -> EncodingFunctions.call(encoding, a));
        }
        // Trino's to_milliseconds(interval) is a bigint; DuckDB's to_milliseconds is the inverse (a number to an interval).
        RULES.put("to_milliseconds", a -> "CAST(round(epoch(" + a.get(0).sql() + ") * 1000) AS BIGINT)");
        RULES.put("bit_count", NumericCalls::bitCount);
        // Trino functions a..l that DuckDB lacks or means otherwise (TrinoFunctionsAuditAtoLTest)
        RULES.put("acos", a -> NumericCalls.unitDomain("acos", a.get(0).sql()));
        RULES.put("asin", a -> NumericCalls.unitDomain("asin", a.get(0).sql()));
        RULES.put("ln", a -> NumericCalls.logarithm("ln", a.get(0).sql()));
        RULES.put("log2", a -> NumericCalls.logarithm("log2", a.get(0).sql()));
        RULES.put("log10", a -> NumericCalls.logarithm("log10", a.get(0).sql()));
        // Trino's cbrt is Java's Math.cbrt (cbrt(27) = 3.0); DuckDB's gives 3.0000000000000004.
        RULES.put("cbrt", a -> NumericCalls.CBRT + "(CAST(CAST(" + a.get(0).sql() + " AS DOUBLE) AS VARCHAR))");
        for (String shift : List.of("bitwise_left_shift", "bitwise_right_shift", "bitwise_right_shift_arithmetic")) {
            RULES.put(shift, a -> NumericCalls.shiftCall(shift, a));
        }
        RULES.put("from_base", NumericCalls::fromBaseCall);
        RULES.put("from_big_endian_32", a -> NumericCalls.bigEndianCall(4, a.get(0).sql()));
        RULES.put("from_big_endian_64", a -> NumericCalls.bigEndianCall(8, a.get(0).sql()));
        RULES.put("from_ieee754_32", a -> NumericCalls.ieee754Call(4, a.get(0).sql()));
        RULES.put("from_ieee754_64", a -> NumericCalls.ieee754Call(8, a.get(0).sql()));
        RULES.put("from_base64url", a -> NumericCalls.fromBase64UrlCall(a.get(0).sql()));
        // Trino's index is strpos under another name (StringFunctions); DuckDB has no index function.
        rename("index", "strpos");
        RULES.put("day", a -> NumericCalls.intervalField("day", a.get(0)));
        RULES.put("day_of_month", a -> NumericCalls.intervalField("day", a.get(0)));
        RULES.put("hour", a -> NumericCalls.intervalField("hour", a.get(0)));
        // Trino's hamming_distance is 0 for two empty strings and fails with its own message for unequal lengths
        // (StringFunctions); DuckDB's hamming fails on empty strings and words the length error otherwise.
        RULES.put("hamming_distance", a -> "CASE WHEN length(" + a.get(0).sql() + ") <> length(" + a.get(1).sql()
                + ") THEN " + RaisedErrors.invalidArgument("The input strings to hamming_distance function must have the same length")
                + " WHEN length(" + a.get(0).sql() + ") = 0 THEN CAST(0 AS BIGINT) ELSE hamming(" + join(a) + ") END");
        // Trino's concat_ws(sep, array(varchar)) joins the array's non-NULL elements; DuckDB printed the array.
        RULES.put("concat_ws", a -> a.size() == 2 && a.get(1).isA("array")
                ? "array_to_string(list_filter(" + a.get(1).sql() + ", __e -> __e IS NOT NULL), " + a.get(0).sql() + ")"
                : "concat_ws(" + join(a) + ")");
        RULES.put("bitwise_xor", a -> "xor(CAST(" + a.get(0).sql() + " AS BIGINT), CAST(" + a.get(1).sql() + " AS BIGINT))");
        RULES.put("bitwise_not", a -> "(~CAST(" + a.get(0).sql() + " AS BIGINT))");
        RULES.put("e", a -> "exp(1)");
        RULES.put("arrays_overlap", CollectionCalls::arraysOverlap);
        RULES.put("width_bucket", NumericCalls::widthBucket);
        // Trino functions m..z that DuckDB lacks or means otherwise (TrinoFunctionsAuditMtoZTest)
        // DuckDB's millisecond counts the seconds too (12345 at 10:11:12.345); Trino's is the millisecond of the
        // second, 0 to 999 (DateTimeFunctions.millisecondFromTimestamp, millisecondFromInterval).
        RULES.put("millisecond", a -> "(millisecond(" + a.get(0).sql() + ") % 1000)");
        // Trino's sign keeps the integer type of its argument and a decimal's is a decimal(1,0); NaN stays NaN.
        RULES.put("sign", NumericCalls::sign);
        // Trino's sqrt is Java's Math.sqrt: NaN for a negative number, where DuckDB fails.
        RULES.put("sqrt", a -> "CASE WHEN (" + a.get(0).sql() + ") < 0 THEN CAST('NaN' AS DOUBLE) ELSE sqrt("
                + a.get(0).sql() + ") END");
        // Trino's repeat(element, count) is an array; DuckDB's repeats a string.
        RULES.put("repeat", CollectionCalls::repeat);
        RULES.put("strpos", StringCalls::strpos);
        RULES.put("format", a -> FormatFunction.call(a.stream().map(Arg::sql).toList()));
        RULES.put("regexp_position", a -> StringFunctions.REGEXP_POSITION + "(" + a.stream()
                .map(x -> "CAST(" + x.sql() + " AS VARCHAR)").collect(java.util.stream.Collectors.joining(", ")) + ")");
        // Trino decodes base64 without its '=' padding too (Java's decoder); DuckDB requires it.
        RULES.put("from_base64", a -> "from_base64(" + a.get(0).sql() + " || repeat('=', (4 - length("
                + a.get(0).sql() + ") % 4) % 4))");
        RULES.put("murmur3", a -> "unhex(" + StringFunctions.MURMUR3_HEX + "(hex(" + a.get(0).sql() + ")))");
        RULES.put("format_number", a -> UnitFunctions.FORMAT_NUMBER + "(CAST(" + a.get(0).sql() + " AS VARCHAR))");
        RULES.put("parse_data_size", a -> "CAST(" + UnitFunctions.PARSE_DATA_SIZE + "(" + a.get(0).sql()
                + ") AS DECIMAL(38, 0))");
        RULES.put("parse_duration", a -> "to_milliseconds(" + UnitFunctions.PARSE_DURATION_MILLIS + "("
                + a.get(0).sql() + "))");
        RULES.put("human_readable_seconds", a -> UnitFunctions.HUMAN_READABLE_SECONDS + "(CAST(CAST("
                + a.get(0).sql() + " AS DOUBLE) AS VARCHAR))");
        RULES.put("json_size", a -> JsonFunctions.JSON_SIZE + "(CAST(json_extract(" + join(a) + ") AS VARCHAR))");
        // Trino's cosine functions on dense vectors (arrays) and sparse ones (maps: the keys both have count).
        RULES.put("cosine_similarity", a -> "list_cosine_similarity(" + cosineVector(a.get(0), a.get(1)) + ", "
                + cosineVector(a.get(1), a.get(0)) + ")");
        RULES.put("cosine_distance", a -> "(1 - list_cosine_similarity(" + cosineVector(a.get(0), a.get(1)) + ", "
                + cosineVector(a.get(1), a.get(0)) + "))");
        rename("transform", "list_transform");
        rename("filter", "list_filter");
        RULES.put("array_max", a -> CollectionCalls.arrayExtreme("list_max", a.get(0).sql()));
        RULES.put("array_min", a -> CollectionCalls.arrayExtreme("list_min", a.get(0).sql()));
        rename("array_intersect", "list_intersect");
        rename("array_concat", "list_concat");
        rename("regexp_split", "regexp_split_to_array");
        rename("day_of_week", "isodow");
        rename("dow", "isodow");
        rename("day_of_year", "dayofyear");
        rename("doy", "dayofyear");
        rename("week_of_year", "week");
        rename("year_of_week", "isoyear");
        rename("yow", "isoyear");
        rename("last_day_of_month", "last_day");
        rename("levenshtein_distance", "levenshtein");
        RULES.put("truncate", a -> decimalRounding("trunc", a));
        RULES.put("round", a -> {
            String narrow = NumericCalls.roundNarrowInteger(a);
            return narrow != null ? narrow : decimalRounding("round", a);
        });
        // Trino's ceiling/floor of a tinyint…bigint is the value, of its own type (MathFunctions); DuckDB's is a double.
        RULES.put("ceil", a -> NumericCalls.isInteger(a.get(0)) ? "(" + a.get(0).sql() + ")" : decimalRounding("ceil", a));
        RULES.put("ceiling", a -> NumericCalls.isInteger(a.get(0)) ? "(" + a.get(0).sql() + ")" : decimalRounding("ceil", a));
        RULES.put("floor", a -> NumericCalls.isInteger(a.get(0)) ? "(" + a.get(0).sql() + ")" : decimalRounding("floor", a));
        RULES.put("substr", Calls::substr);
        RULES.put("reverse", Calls::reverse);
        RULES.put("lpad", a -> pad("lpad", a));
        RULES.put("rpad", a -> pad("rpad", a));
        rename("every", "bool_and");
        rename("to_utf8", "encode");
        rename("from_utf8", "decode");
        rename("from_unixtime", "to_timestamp");
        rename("to_unixtime", "epoch");
        RULES.put("from_iso8601_date", a -> "CAST(" + Iso8601Dates.FUNCTION + "(" + a.get(0).sql() + ") AS DATE)");
        RULES.put("from_iso8601_timestamp", a -> "CAST(" + a.get(0).sql() + " AS TIMESTAMPTZ)");
        RULES.put("to_iso8601", Calls::toIso8601);
        RULES.put("nan", a -> "CAST('NaN' AS DOUBLE)");
        RULES.put("infinity", a -> "CAST('Infinity' AS DOUBLE)");
        RULES.put("current_timezone", a -> "'UTC'");
        RULES.put("cardinality", Calls::cardinality);
        RULES.put("element_at", a -> "(" + a.get(0).sql() + ")[" + a.get(1).sql() + "]");
        RULES.put("array_join", Calls::arrayJoin);
        RULES.put("array_position", a -> "coalesce(list_position(" + join(a) + "), 0)");
        RULES.put("array_remove", a -> "list_filter(" + a.get(0).sql() + ", __e -> __e IS DISTINCT FROM ("
                + a.get(1).sql() + "))");
        RULES.put("slice", CollectionCalls::slice);
        RULES.put("any_match", a -> CollectionCalls.match(true, a));
        RULES.put("all_match", a -> CollectionCalls.match(false, a));
        RULES.put("none_match", CollectionCalls::noneMatch);
        RULES.put("regexp_extract", Calls::regexpExtract);
        RULES.put("regexp_replace", Calls::regexpReplace);
        RULES.put("replace", StringCalls::replace);
        RULES.put("json_extract_scalar", Calls::jsonExtractScalar);
        RULES.put("split_part", Calls::splitPart);
        RULES.put("json_format", a -> "CAST(" + a.get(0).sql() + " AS VARCHAR)");
        RULES.put("json_array_get", a -> JsonFunctions.JSON_ARRAY_GET + "(CAST(" + a.get(0).sql() + " AS VARCHAR), CAST("
                + a.get(1).sql() + " AS VARCHAR))");
        RULES.put("if", a -> a.size() == 2 ? "CASE WHEN " + a.get(0).sql() + " THEN " + a.get(1).sql() + " END"
                : "CASE WHEN " + a.get(0).sql() + " THEN " + a.get(1).sql() + " ELSE " + a.get(2).sql() + " END");
        RULES.put("typeof", TypeOfFunction::call);
        RULES.put("date_add", Calls::dateAdd);
        RULES.put("date_diff", a -> "date_sub(" + join(a) + ")");
        RULES.put("date_trunc", a -> TemporalMacros.DATE_TRUNC + "(" + join(a) + ")");
        RULES.put("date_format", a -> "strftime(" + a.get(0).sql() + ", " + DateFormats.mysqlToStrftime(a.get(1)) + ")");
        RULES.put("date_parse", a -> "strptime(" + a.get(0).sql() + ", " + DateFormats.mysqlToStrftime(a.get(1)) + ")");
        RULES.put("format_datetime", a -> "strftime(" + a.get(0).sql() + ", " + DateFormats.jodaToStrftime(a.get(1), false) + ")");
        // Trino's parse_datetime returns a timestamp with time zone.
        RULES.put("parse_datetime", a -> "CAST(strptime(" + a.get(0).sql() + ", " + DateFormats.jodaToStrftime(a.get(1), true)
                + ") AS TIMESTAMPTZ)");
        RULES.put("mod", a -> Division.modulo(a.get(0), a.get(1)));
        RULES.put("sequence", a -> TemporalMacros.SEQUENCE + "(" + join(a) + ")");
        RULES.put("log", NumericCalls::logCall);
        RULES.put("to_base", NumericCalls::toBaseCall);
        RULES.put("bitwise_and", a -> "(" + a.get(0).sql() + " & " + a.get(1).sql() + ")");
        RULES.put("bitwise_or", a -> "(" + a.get(0).sql() + " | " + a.get(1).sql() + ")");
    }

    /**
     * Trino's date/time field functions ({@code year}, {@code day_of_week}, …): of an untyped NULL Trino picks any
     * signature (they all return a bigint, NULL on NULL, see its FunctionResolver), DuckDB finds several and fails.
     * The value is the DuckDB type the NULL is given so that DuckDB finds one.
     */
    private static final Map<String, String> FIELD_FUNCTIONS = new HashMap<>();

    static {
        for (String name : List.of("year", "quarter", "month", "week", "week_of_year", "day", "day_of_month",
                "day_of_week", "dow", "day_of_year", "doy", "year_of_week", "yow", "hour", "minute", "second",
                "millisecond", "last_day_of_month")) {
            FIELD_FUNCTIONS.put(name, "TIMESTAMP");
        }
        FIELD_FUNCTIONS.put("timezone_hour", "TIMESTAMPTZ");
        FIELD_FUNCTIONS.put("timezone_minute", "TIMESTAMPTZ");
    }

    /** Trino's messages for rand/random bounds and a split_part index (INVALID_FUNCTION_ARGUMENT). */
    private static final String BOUND_NOT_POSITIVE = "bound must be positive";
    private static final String START_NOT_BELOW_STOP = "start value must be less than stop value";
    private static final String INDEX_BELOW_ONE = "Index must be greater than zero";

    private Calls() {
    }

    private static void rename(String trino, String duckDb) {
        RULES.put(trino, a -> duckDb + "(" + join(a) + ")");
    }

    /**
     * The arguments of a call of {@code name} (lower case) with an untyped NULL typed where DuckDB cannot choose
     * among its overloads and Trino can ({@link #FIELD_FUNCTIONS}).
     */
    static List<Arg> typedNulls(String name, List<Arg> args) {
        String type = FIELD_FUNCTIONS.get(name);
        if (type == null || args.size() != 1 || !(args.get(0).expression() instanceof NullLiteral)) {
            return args;
        }
        return List.of(new Arg("CAST(NULL AS " + type + ")", args.get(0).expression(), args.get(0).type()));
    }

    /** The rewritten call of {@code name} (lower case) on {@code args}, or null when the function needs no rewrite. */
    static String rewrite(String name, List<Arg> args) {
        String lambdaForm = CollectionCalls.lambdaForm(name, args);
        if (lambdaForm != null) {
            return lambdaForm;
        }
        Function<List<Arg>, String> rule = RULES.get(name);
        if (rule == null) {
            return null;
        }
        try {
            return rule.apply(args);
        } catch (IndexOutOfBoundsException e) {
            throw new UnsupportedSqlException(name + "() with " + args.size() + " argument(s)");
        }
    }


    private static String join(List<Arg> args) {
        return args.stream().map(Arg::sql).collect(Collectors.joining(", "));
    }

    /**
     * Trino's greatest and least are NULL when any argument is (DuckDB's skip NULLs, as PostgreSQL's do).
     */
    private static String nullIfAnyNull(List<Arg> a, String duckDb) {
        String anyNull = a.stream().map(x -> "(" + x.sql() + ") IS NULL").collect(Collectors.joining(" OR "));
        return "CASE WHEN " + anyNull + " THEN NULL ELSE " + duckDb + "(" + join(a) + ") END";
    }

    /**
     * {@code approx_percentile(x, p)} and {@code approx_percentile(x, ARRAY[p1, p2, ...])} (an array of values);
     * the weighted forms have no DuckDB counterpart. Trino has the aggregation for bigint, double and real only, so
     * the value's type decides the answer's: an integer of any width is a bigint, rounded as Java's Math.round
     * (half up); a decimal is coerced to real (DuckDB's answer for a decimal is rounded to a whole number). Where the
     * type is not known, DuckDB's answer stays.
     */
    private static String approxPercentile(List<Arg> a) {
        if (a.size() != 2) {
            throw new UnsupportedSqlException("approx_percentile() with weights");
        }
        Arg x = a.get(0);
        boolean array = a.get(1).expression() instanceof io.trino.sql.tree.Array;
        String percentiles = "CAST(" + a.get(1).sql() + " AS " + (array ? "FLOAT[]" : "FLOAT") + ")";
        if (NumericCalls.isInteger(x)) {
            String quantile = "approx_quantile(CAST(" + x.sql() + " AS DOUBLE), " + percentiles + ")";
            return array ? "list_transform(" + quantile + ", q -> CAST(floor(q + 0.5) AS BIGINT))"
                    : "CAST(floor(" + quantile + " + 0.5) AS BIGINT)";
        }
        if (x.isA("decimal")) { // DuckDB's answer for a FLOAT is a DOUBLE
            return "CAST(approx_quantile(CAST(" + x.sql() + " AS FLOAT), " + percentiles + ") AS " + (array ? "FLOAT[])" : "FLOAT)");
        }
        return "approx_quantile(" + x.sql() + ", " + percentiles + ")";
    }

    /**
     * An order-independent 8-byte digest of the values (NULLs included), NULL for no rows, as Trino's checksum; the
     * bytes are DuckDB's hash, not Trino's XXHash64, so they only compare with other athena-local checksums.
     */
    private static String checksum(List<Arg> a) {
        return "from_hex(lpad(to_hex(CAST(sum(hash(" + a.get(0).sql() + ")) % 18446744073709551616 AS UBIGINT)), 16,"
                + " '0'))";
    }

    /**
     * {@code rand()} is a double in [0, 1); {@code rand(n)} an integer in [0, n) and {@code rand(m, n)} one in [m, n),
     * in the type of the bounds: integer for integer literals, bigint otherwise (the translation cannot see a
     * column's type). {@code value} is the random double in [0, 1) to scale, {@link #RANDOM_VALUE} or one drawn
     * outside a try() ({@link OutsideTry}).
     */
    static String random(List<Arg> a, String value) {
        if (a.isEmpty()) {
            return value;
        }
        String type = randomType(a);
        if (a.size() == 1) {
            String n = "(" + a.get(0).sql() + ")";
            return "CASE WHEN " + n + " <= 0 THEN " + RaisedErrors.invalidArgument(BOUND_NOT_POSITIVE) + " ELSE CAST(floor("
                    + value + " * " + n + ") AS " + type + ") END";
        }
        // the difference in a bigint: random(TINYINT '-100', TINYINT '100') spans more than a tinyint holds
        String start = "CAST(" + a.get(0).sql() + " AS BIGINT)";
        String stop = "CAST(" + a.get(1).sql() + " AS BIGINT)";
        return "CASE WHEN " + start + " >= " + stop + " THEN " + RaisedErrors.invalidArgument(START_NOT_BELOW_STOP) + " ELSE CAST(" + start
                + " + floor(" + value + " * (" + stop + " - " + start + ")) AS " + type + ") END";
    }

    /**
     * The type of random(n) and random(m, n): the bounds' own (Trino declares them for tinyint, smallint, integer
     * and bigint), integer for integer literals, bigint where the type is not known.
     */
    private static String randomType(List<Arg> a) {
        SqlType first = a.get(0).type();
        if (NumericCalls.isInteger(a.get(0)) && a.stream().allMatch(x -> x.isA(first.base()))) {
            return first.duckDbName();
        }
        return a.stream().allMatch(Calls::isIntegerLiteral) ? "INTEGER" : "BIGINT";
    }

    private static boolean isIntegerLiteral(Arg arg) {
        return arg.expression() instanceof io.trino.sql.tree.LongLiteral l
                && l.getParsedValue() >= Integer.MIN_VALUE && l.getParsedValue() <= Integer.MAX_VALUE;
    }

    private static String cardinality(List<Arg> a) {
        String x = a.get(0).sql();
        String lower = x.toLowerCase(java.util.Locale.ROOT);
        SqlType type = a.get(0).type();
        // map_keys and map_values give arrays; other map_ functions maps.
        boolean arrayOfMap = lower.startsWith("map_keys(") || lower.startsWith("map_values(");
        if (type != null ? type.is("map") : isMapCall(a.get(0).expression())
                || !arrayOfMap && (lower.startsWith("map(") || lower.startsWith("map_"))) {
            return "len(map_keys(" + x + "))";   // a bigint, as Trino's; DuckDB's cardinality is an unsigned one
        }
        if (type != null ? type.is("array") : arrayOfMap || lower.startsWith("[") || lower.startsWith("list_")
                || lower.startsWith("str_split(") || lower.startsWith(TemporalMacros.SEQUENCE + "(")
                || lower.startsWith("array_agg(")) {
            return "len(" + x + ")";
        }
        // The argument's type is only known to DuckDB: count JSON elements, which works for lists and maps alike.
        return "CAST(coalesce(nullif(json_array_length(to_json(" + x + ")), 0), len(json_keys(to_json(" + x
                + ")))) AS BIGINT)";
    }

    /** A call of a Trino function whose answer is a map (its DuckDB text may start otherwise, a checked MAP(k, v)). */
    private static boolean isMapCall(io.trino.sql.tree.Expression e) {
        if (!(e instanceof io.trino.sql.tree.FunctionCall call)) {
            return false;
        }
        return switch (call.getName().getSuffix().toLowerCase(java.util.Locale.ROOT)) {
            case "map", "map_from_entries", "map_filter", "map_concat", "map_zip_with", "map_agg", "map_union",
                 "transform_keys", "transform_values", "multimap_from_entries", "multimap_agg", "histogram",
                 "split_to_map", "split_to_multimap" -> true;
            default -> false;
        };
    }

    /**
     * An array constructor, or a call of a Trino function whose answer is an array, where the argument's type is not
     * known otherwise (reverse of a varchar and of an array are different DuckDB functions).
     */
    private static boolean isArrayExpression(io.trino.sql.tree.Expression e) {
        if (e instanceof io.trino.sql.tree.Array) {
            return true;
        }
        if (!(e instanceof io.trino.sql.tree.FunctionCall call)) {
            return false;
        }
        return switch (call.getName().getSuffix().toLowerCase(java.util.Locale.ROOT)) {
            case "split", "sequence", "array_agg", "filter", "transform", "map_keys", "map_values", "slice", "flatten",
                 "zip", "zip_with", "array_distinct", "array_sort", "array_remove", "array_union", "array_intersect",
                 "array_except", "repeat", "regexp_extract_all", "regexp_split", "ngrams", "combinations", "shuffle",
                 "trim_array" -> true;
            // an array where an argument is one (concat and reverse of varchars are varchars)
            case "concat", "reverse" -> call.getArguments().stream().anyMatch(Calls::isArrayExpression);
            default -> false;
        };
    }

    /** Trino casts each element to varchar as CAST does ({@code 1.5E0} for a double, see {@link VarcharCasts}). */
    private static String arrayJoin(List<Arg> a) {
        String element = VarcharCasts.cast("__e", false);
        if (a.size() == 3) {
            element = "coalesce(" + element + ", " + a.get(2).sql() + ")";
        }
        return "array_to_string(list_transform(" + a.get(0).sql() + ", __e -> " + element + "), " + a.get(1).sql() + ")";
    }

    /**
     * Trino's length counts a varchar's characters and a varbinary's bytes (a bigint either way); DuckDB's length
     * takes no BLOB. The branch that does not apply is bound on a placeholder ({@link TypeChoice}).
     */
    private static String length(List<Arg> a) {
        String x = a.get(0).sql();
        String isBlob = "typeof(" + x + ") = 'BLOB'";
        return "CASE WHEN " + isBlob + " THEN octet_length(" + TypeChoice.pick(isBlob, x, "''::BLOB") + ")"
                + " ELSE length(" + TypeChoice.pick(isBlob, "''", x) + ") END";
    }

    /** Trino returns NULL when the pattern does not match (DuckDB: an empty string). */
    private static String regexpExtract(List<Arg> a) {
        String group = a.size() > 2 ? a.get(2).sql() : "0";
        return "CASE WHEN regexp_matches(" + a.get(0).sql() + ", " + a.get(1).sql() + ") THEN regexp_extract("
                + a.get(0).sql() + ", " + a.get(1).sql() + ", " + group + ") END";
    }

    /** Trino replaces every match and writes group references as {@code $1}; DuckDB needs 'g' and {@code \1}. */
    private static String regexpReplace(List<Arg> a) {
        String replacement = a.size() > 2 ? a.get(2).sql() : "''";
        if (a.size() > 2 && a.get(2).isString()) {
            replacement = Literals.quote(a.get(2).stringValue().replaceAll("\\$(\\d)", "\\\\$1"));
        }
        return "regexp_replace(" + a.get(0).sql() + ", " + a.get(1).sql() + ", " + replacement + ", 'g')";
    }

    /** Trino gives NULL for an object or array (DuckDB: its JSON text). */
    private static String jsonExtractScalar(List<Arg> a) {
        return "CASE WHEN json_type(json_extract(" + join(a) + ")) IN ('OBJECT', 'ARRAY') THEN NULL"
                + " ELSE json_extract_string(" + join(a) + ") END";
    }

    /**
     * Trino gives NULL past the last field and refuses an index below 1 (DuckDB: '' past the end, and a negative
     * index counts from the end). An empty delimiter makes every character a field in both.
     */
    private static String splitPart(List<Arg> a) {
        String index = "(" + a.get(2).sql() + ")";
        return "CASE WHEN " + index + " < 1 THEN " + RaisedErrors.invalidArgument(INDEX_BELOW_ONE)
                + " WHEN " + index + " <= len(string_split(" + a.get(0).sql() + ", " + a.get(1).sql() + "))"
                + " THEN split_part(" + join(a) + ") END";
    }

    private static String toIso8601(List<Arg> a) {
        String x = a.get(0).sql();
        return "CASE typeof(" + x + ") WHEN 'DATE' THEN strftime(" + x + ", '%Y-%m-%d')"
                + " WHEN 'TIMESTAMP WITH TIME ZONE' THEN strftime(" + x + ", '%Y-%m-%dT%H:%M:%S.%gZ')"
                + " ELSE strftime(" + x + ", '%Y-%m-%dT%H:%M:%S.%g') END";
    }

    private static String dateAdd(List<Arg> a) {
        return TemporalMacros.DATE_ADD + "(" + a.get(2).sql() + ", CAST(" + a.get(1).sql() + " AS BIGINT) * "
                + interval(a.get(0)) + ")";
    }

    /** The interval of one Trino date/time unit ({@code 'day'} is {@code INTERVAL 1 DAY}); a literal unit only. */
    static String interval(Arg unit) {
        if (!unit.isString()) {
            throw new UnsupportedSqlException("a date/time unit that is not a string literal (" + unit.sql() + ")");
        }
        return switch (unit.stringValue().toLowerCase(java.util.Locale.ROOT)) {
            case "millisecond" -> "INTERVAL 1 MILLISECOND";
            case "second" -> "INTERVAL 1 SECOND";
            case "minute" -> "INTERVAL 1 MINUTE";
            case "hour" -> "INTERVAL 1 HOUR";
            case "day" -> "INTERVAL 1 DAY";
            case "week" -> "INTERVAL 7 DAY";
            case "month" -> "INTERVAL 1 MONTH";
            case "quarter" -> "INTERVAL 3 MONTH";
            case "year" -> "INTERVAL 1 YEAR";
            default -> throw new UnsupportedSqlException("the date/time unit '" + unit.stringValue() + "'");
        };
    }

    /**
     * The vector {@code x} stands for in Trino's cosine functions: an array as it is, a map as its values over the
     * sorted keys of both maps (0 where it lacks one), which gives Trino's sparse dot product and norms.
     */
    private static String cosineVector(Arg x, Arg other) {
        boolean map = x.isA("map") || x.expression() instanceof io.trino.sql.tree.FunctionCall call
                && call.getName().getSuffix().equalsIgnoreCase("map");
        if (!map) {
            return x.sql();
        }
        return "list_transform(list_sort(list_distinct(list_concat(map_keys(" + x.sql() + "), map_keys(" + other.sql()
                + ")))), __k -> coalesce(CAST((" + x.sql() + ")[__k] AS DOUBLE), 0.0))";
    }

    /**
     * Trino's round, truncate, ceiling and floor of a decimal(p,s) (its MathFunctions) return a decimal of their own
     * precision and scale: {@code round(x, n)} a decimal(min(38, p + 1), s), {@code truncate(x, n)} a decimal(p,s),
     * {@code round(x)}, {@code ceiling(x)} and {@code floor(x)} a decimal(min(38, p - s + min(1, s)), 0) and
     * {@code truncate(x)} a decimal(max(1, p - s), 0). DuckDB's keeps fewer digits ({@code round(1.25, 1)} is a
     * decimal(3,1) {@code 1.3} where Trino prints {@code 1.30}), so its value is cast to Trino's type. Both round
     * half away from zero.
     */
    private static String decimalRounding(String duckDb, List<Arg> a) {
        String call = duckDb + "(" + join(a) + ")";
        if (!a.get(0).isA("decimal")) {
            return call;
        }
        int p = a.get(0).type().length();
        int s = a.get(0).type().scale();
        int precision;
        int scale = 0;
        if (a.size() == 2) {
            precision = duckDb.equals("round") ? Math.min(38, p + 1) : p;
            scale = s;
        } else if (duckDb.equals("trunc")) {
            precision = Math.max(1, p - s);
        } else {
            precision = Math.min(38, p - s + Math.min(1, s));
        }
        return "CAST(" + call + " AS DECIMAL(" + precision + ", " + scale + "))";
    }

    /**
     * Trino's substr of a varbinary (VarbinaryFunctions) counts bytes from 1, a negative start from the end; a start
     * of 0 or before the first byte, past the last, or a length below 1 give no bytes. DuckDB has no substr of a BLOB:
     * the bytes are cut out of their hex digits. Other types keep DuckDB's substr, which agrees with Trino's.
     */
    private static String substr(List<Arg> a) {
        if (!a.get(0).isA("varbinary")) {
            return StringCalls.substr(a);
        }
        String bytes = "(" + a.get(0).sql() + ")";
        String n = "octet_length(" + bytes + ")";
        String start = "CAST(" + a.get(1).sql() + " AS BIGINT)";
        String length = a.size() > 2 ? "CAST(" + a.get(2).sql() + " AS BIGINT)" : "(" + n + " - " + start + " + 1)";
        String from = "(CASE WHEN " + start + " > 0 THEN " + start + " - 1 ELSE " + start + " + " + n + " END)";
        return "CASE WHEN " + bytes + " IS NULL OR " + start + " IS NULL OR " + length + " IS NULL THEN NULL"
                + " WHEN " + start + " = 0 OR " + length + " <= 0 OR " + from + " < 0 OR " + from + " >= " + n
                + " THEN ''::BLOB ELSE unhex(substr(hex(" + bytes + "), 2 * " + from + " + 1, 2 * least(" + length
                + ", " + n + " - " + from + "))) END";
    }

    /**
     * Trino reverses a varchar's characters, a varbinary's bytes and an array's elements; DuckDB's reverse takes text
     * only: bytes are reversed as pairs of hex digits, an array with list_reverse.
     */
    private static String reverse(List<Arg> a) {
        String x = a.get(0).sql();
        if (a.get(0).isA("array") || isArrayExpression(a.get(0).expression())) {
            return "list_reverse(" + x + ")";
        }
        if (a.get(0).isA("varbinary")) {
            return "unhex(array_to_string(list_reverse(regexp_extract_all(hex(" + x + "), '..')), ''))";
        }
        return "reverse(" + x + ")";
    }

    /**
     * Trino's lpad and rpad take a bigint size, which DuckDB's (an INTEGER size) does not take; Trino refuses a size
     * outside [0, 2147483647] and an empty padding (INVALID_FUNCTION_ARGUMENT).
     */
    private static String pad(String name, List<Arg> a) {
        String size = "(" + a.get(1).sql() + ")";
        String padding = "(" + a.get(2).sql() + ")";
        return "CASE WHEN " + size + " < 0 OR " + size + " > 2147483647 THEN "
                + RaisedErrors.invalidArgument("Target length must be in the range [0..2147483647]")
                + " WHEN " + padding + " = '' THEN " + RaisedErrors.invalidArgument("Padding string must not be empty")
                + " ELSE " + name + "(" + a.get(0).sql() + ", CAST(" + size + " AS INTEGER), " + padding + ") END";
    }

}
