package ai.connecty.athena.local.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The signatures Trino declares for Athena's most used functions, and Trino's refusal of a call none of them takes:
 * {@code FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar(10)) for function year. Expected: year(date),
 * year(interval year to month), year(timestamp(p) with time zone), year(timestamp(p))}. DuckDB would cast the text
 * and run {@code year('2024-01-01')}; Trino's analysis finds no signature the argument coerces to and fails.
 *
 * <p>The table below is written after trinodb/trino's scalar and aggregate function classes (core/trino-main
 * io.trino.operator.scalar: DateTimeFunctions, timestamp/, timestamptz/, time/ and timetz/ Extract*, DateAdd,
 * DateDiff, DateTrunc, DateFormat, FormatDateTime; StringFunctions, VarbinaryFunctions, ConcatFunction,
 * ConcatWsFunction, JoniRegexpFunctions, JsonFunctions, MathFunctions, ArrayCardinalityFunction,
 * MapCardinalityFunction, ArrayContains, ArrayElementAtFunction, MapElementAtFunction, ArrayReverseFunction,
 * UrlFunctions; io.trino.operator.aggregation's sum and avg), each signature spelled as Trino prints a declared one
 * (its TypeSignature: {@code decimal(p,s)}, {@code map(K,V)}, lower-case {@code jsonpath}; the type variables of a
 * generic signature after it, {@code T:comparable}), then {@code ->} and the result type. A {@code ...} marks a
 * variable arity signature's repeated argument (not printed). Aliases are listed under each name, as Trino's
 * message names the function the way it was called.
 *
 * <p>Calls are judged only where every argument's type is certain ({@link SignatureBinding#judged}), and refused
 * only where no signature applies: a false refusal would fail a query Athena runs.
 */
final class FunctionSignatures {

    private static final String[] DECLARED = {
        // DateTimeFunctions; timestamp/, timestamptz/, time/, timetz/ Extract*
        "year(date) -> bigint", "year(interval year to month) -> bigint", "year(timestamp(p)) -> bigint",
        "year(timestamp(p) with time zone) -> bigint",
        "month(date) -> bigint", "month(interval year to month) -> bigint", "month(timestamp(p)) -> bigint",
        "month(timestamp(p) with time zone) -> bigint",
        "quarter(date) -> bigint", "quarter(timestamp(p)) -> bigint", "quarter(timestamp(p) with time zone) -> bigint",
        "week(date) -> bigint", "week(timestamp(p)) -> bigint", "week(timestamp(p) with time zone) -> bigint",
        "day(date) -> bigint", "day(interval day to second) -> bigint", "day(timestamp(p)) -> bigint",
        "day(timestamp(p) with time zone) -> bigint",
        "day_of_week(date) -> bigint", "day_of_week(timestamp(p)) -> bigint",
        "day_of_week(timestamp(p) with time zone) -> bigint",
        "day_of_year(date) -> bigint", "day_of_year(timestamp(p)) -> bigint",
        "day_of_year(timestamp(p) with time zone) -> bigint",
        "year_of_week(date) -> bigint", "year_of_week(timestamp(p)) -> bigint",
        "year_of_week(timestamp(p) with time zone) -> bigint",
        "hour(interval day to second) -> bigint", "hour(time(p)) -> bigint", "hour(time(p) with time zone) -> bigint",
        "hour(timestamp(p)) -> bigint", "hour(timestamp(p) with time zone) -> bigint",
        "minute(interval day to second) -> bigint", "minute(time(p)) -> bigint",
        "minute(time(p) with time zone) -> bigint", "minute(timestamp(p)) -> bigint",
        "minute(timestamp(p) with time zone) -> bigint",
        "second(interval day to second) -> bigint", "second(time(p)) -> bigint",
        "second(time(p) with time zone) -> bigint", "second(timestamp(p)) -> bigint",
        "second(timestamp(p) with time zone) -> bigint",
        "millisecond(interval day to second) -> bigint", "millisecond(time(p)) -> bigint",
        "millisecond(time(p) with time zone) -> bigint", "millisecond(timestamp(p)) -> bigint",
        "millisecond(timestamp(p) with time zone) -> bigint",
        "last_day_of_month(date) -> date", "last_day_of_month(timestamp(p)) -> date",
        "last_day_of_month(timestamp(p) with time zone) -> date",
        "timezone_hour(time(p) with time zone) -> bigint", "timezone_hour(timestamp(p) with time zone) -> bigint",
        "timezone_minute(time(p) with time zone) -> bigint", "timezone_minute(timestamp(p) with time zone) -> bigint",
        // DateAdd, DateDiff, DateTrunc of each type
        "date_add(varchar(x), bigint, date) -> date", "date_add(varchar(x), bigint, time(p)) -> time(p)",
        "date_add(varchar(x), bigint, time(p) with time zone) -> time(p) with time zone",
        "date_add(varchar(x), bigint, timestamp(p)) -> timestamp(p)",
        "date_add(varchar(x), bigint, timestamp(p) with time zone) -> timestamp(p) with time zone",
        "date_diff(varchar(x), date, date) -> bigint", "date_diff(varchar(x), time(p), time(p)) -> bigint",
        "date_diff(varchar(x), time(p) with time zone, time(p) with time zone) -> bigint",
        "date_diff(varchar(x), timestamp(p), timestamp(p)) -> bigint",
        "date_diff(varchar(x), timestamp(p) with time zone, timestamp(p) with time zone) -> bigint",
        "date_trunc(varchar(x), date) -> date", "date_trunc(varchar(x), time(p)) -> time(p)",
        "date_trunc(varchar(x), time(p) with time zone) -> time(p) with time zone",
        "date_trunc(varchar(x), timestamp(p)) -> timestamp(p)",
        "date_trunc(varchar(x), timestamp(p) with time zone) -> timestamp(p) with time zone",
        // DateFormat, FormatDateTime, DateTimeFunctions' parsing and unix time
        "date_format(timestamp(p), varchar(x)) -> varchar",
        "date_format(timestamp(p) with time zone, varchar(x)) -> varchar",
        "format_datetime(timestamp(p), varchar(x)) -> varchar",
        "format_datetime(timestamp(p) with time zone, varchar(x)) -> varchar",
        "date_parse(varchar(x), varchar(y)) -> timestamp(3)",
        "parse_datetime(varchar(x), varchar(y)) -> timestamp(3) with time zone",
        "from_unixtime(double) -> timestamp(3) with time zone",
        "from_unixtime(double, bigint, bigint) -> timestamp(3) with time zone",
        "from_unixtime(double, varchar(x)) -> timestamp(3) with time zone",
        "to_unixtime(timestamp(p) with time zone) -> double",
        "from_iso8601_timestamp(varchar(x)) -> timestamp(3) with time zone",
        "from_iso8601_date(varchar(x)) -> date",
        "to_iso8601(date) -> varchar(16)", "to_iso8601(timestamp(p)) -> varchar(n)",
        "to_iso8601(timestamp(p) with time zone) -> varchar(n)",
        // StringFunctions, VarbinaryFunctions
        "length(char(x)) -> bigint", "length(varbinary) -> bigint", "length(varchar(x)) -> bigint",
        "substr(char(x), bigint) -> varchar(x)", "substr(char(x), bigint, bigint) -> varchar(x)",
        "substr(varbinary, bigint) -> varbinary", "substr(varbinary, bigint, bigint) -> varbinary",
        "substr(varchar(x), bigint) -> varchar(x)", "substr(varchar(x), bigint, bigint) -> varchar(x)",
        "substring(char(x), bigint) -> varchar(x)", "substring(char(x), bigint, bigint) -> varchar(x)",
        "substring(varchar(x), bigint) -> varchar(x)", "substring(varchar(x), bigint, bigint) -> varchar(x)",
        "upper(char(x)) -> char(x)", "upper(varchar(x)) -> varchar(x)",
        "lower(char(x)) -> char(x)", "lower(varchar(x)) -> varchar(x)",
        "trim(char(x)) -> varchar(x)", "trim(char(x), codepoints) -> varchar(x)", "trim(varchar(x)) -> varchar(x)",
        "trim(varchar(x), codepoints) -> varchar(x)",
        "ltrim(char(x)) -> varchar(x)", "ltrim(char(x), codepoints) -> varchar(x)", "ltrim(varchar(x)) -> varchar(x)",
        "ltrim(varchar(x), codepoints) -> varchar(x)",
        "rtrim(char(x)) -> varchar(x)", "rtrim(char(x), codepoints) -> varchar(x)", "rtrim(varchar(x)) -> varchar(x)",
        "rtrim(varchar(x), codepoints) -> varchar(x)",
        "replace(varchar(x), varchar(y)) -> varchar(x)", "replace(varchar(x), varchar(y), varchar(z)) -> varchar(u)",
        "reverse(array(E)) E -> array(E)", "reverse(char(x)) -> char(x)", "reverse(varbinary) -> varbinary",
        "reverse(varchar(x)) -> varchar(x)",
        "strpos(varchar(x), varchar(y)) -> bigint", "strpos(varchar(x), varchar(y), bigint) -> bigint",
        "split(varchar(x), varchar(y)) -> array(varchar(x))",
        "split(varchar(x), varchar(y), bigint) -> array(varchar(x))",
        "split_part(varchar(x), varchar(y), bigint) -> varchar(x)",
        "lpad(char(x), bigint, varchar(y)) -> varchar", "lpad(varbinary, bigint, varbinary) -> varbinary",
        "lpad(varchar(x), bigint, varchar(y)) -> varchar",
        "rpad(varbinary, bigint, varbinary) -> varbinary", "rpad(varchar(x), bigint, varchar(y)) -> varchar",
        "starts_with(varchar(x), varchar(y)) -> boolean",
        "levenshtein_distance(varchar(x), varchar(y)) -> bigint",
        "hamming_distance(varchar(x), varchar(y)) -> bigint",
        "to_utf8(char(x)) -> varbinary", "to_utf8(varchar(x)) -> varbinary",
        "from_utf8(varbinary) -> varchar", "from_utf8(varbinary, bigint) -> varchar",
        "from_utf8(varbinary, varchar(x)) -> varchar",
        "md5(varbinary) -> varbinary", "sha1(varbinary) -> varbinary", "sha256(varbinary) -> varbinary",
        "sha512(varbinary) -> varbinary",
        "to_hex(varbinary) -> varchar", "from_hex(varbinary) -> varbinary", "from_hex(varchar(x)) -> varbinary",
        "to_base64(varbinary) -> varchar", "from_base64(varbinary) -> varbinary",
        "from_base64(varchar(x)) -> varbinary",
        "to_base64url(varbinary) -> varchar", "to_base32(varbinary) -> varchar", "from_base32(varbinary) -> varbinary",
        "from_base32(varchar(x)) -> varbinary", "xxhash64(varbinary) -> varbinary",
        "spooky_hash_v2_32(varbinary) -> varbinary", "spooky_hash_v2_64(varbinary) -> varbinary",
        "to_big_endian_32(integer) -> varbinary", "to_big_endian_64(bigint) -> varbinary",
        "to_ieee754_32(real) -> varbinary", "to_ieee754_64(double) -> varbinary",
        // ConcatFunction (the varchar and varbinary ones and the array ones take any number of arguments),
        // StringFunctions' char concat, ConcatWsFunction
        "concat(E, array(E)) E -> array(E)", "concat(array(E)...) E -> array(E)", "concat(array(E), E) E -> array(E)",
        "concat(char(x), char(y)) -> char(u)", "concat(varbinary...) -> varbinary", "concat(varchar...) -> varchar",
        "concat_ws(varchar, array(varchar)) -> varchar",
        "concat_ws(varchar, char(a), char(b), char(c), char(d), char(e)) -> varchar",
        "concat_ws(varchar, varchar...) -> varchar",
        // JoniRegexpFunctions (Trino's default regular expression library)
        "regexp_like(varchar(x), joniregexp) -> boolean",
        "regexp_extract(varchar(x), joniregexp) -> varchar(x)",
        "regexp_extract(varchar(x), joniregexp, bigint) -> varchar(x)",
        "regexp_extract_all(varchar(x), joniregexp) -> array(varchar(x))",
        "regexp_extract_all(varchar(x), joniregexp, bigint) -> array(varchar(x))",
        "regexp_replace(varchar(x), joniregexp) -> varchar(x)",
        "regexp_replace(varchar(x), joniregexp, varchar(y)) -> varchar(z)",
        "regexp_replace(varchar, joniregexp, function(array(varchar),varchar(x))) -> varchar",
        "regexp_count(varchar(x), joniregexp) -> bigint",
        "regexp_split(varchar(x), joniregexp) -> array(varchar(x))",
        // UrlFunctions
        "url_extract_fragment(varchar(x)) -> varchar(x)", "url_extract_host(varchar(x)) -> varchar(x)",
        "url_extract_parameter(varchar(x), varchar(y)) -> varchar(x)", "url_extract_path(varchar(x)) -> varchar(x)",
        "url_extract_port(varchar(x)) -> bigint", "url_extract_protocol(varchar(x)) -> varchar(x)",
        "url_extract_query(varchar(x)) -> varchar(x)", "url_encode(varchar(x)) -> varchar(y)",
        "url_decode(varchar(x)) -> varchar(x)",
        // MathFunctions, DecimalOperators' mod
        "abs(bigint) -> bigint", "abs(decimal(p,s)) -> decimal(p,s)", "abs(double) -> double",
        "abs(integer) -> integer", "abs(real) -> real", "abs(smallint) -> smallint", "abs(tinyint) -> tinyint",
        "ceiling(bigint) -> bigint", "ceiling(decimal(p,s)) -> decimal(rp,0)", "ceiling(double) -> double",
        "ceiling(integer) -> integer", "ceiling(real) -> real", "ceiling(smallint) -> smallint",
        "ceiling(tinyint) -> tinyint",
        "floor(bigint) -> bigint", "floor(decimal(p,s)) -> decimal(rp,0)", "floor(double) -> double",
        "floor(integer) -> integer", "floor(real) -> real", "floor(smallint) -> smallint", "floor(tinyint) -> tinyint",
        "round(bigint) -> bigint", "round(bigint, integer) -> bigint", "round(decimal(p,s)) -> decimal(rp,rs)",
        "round(decimal(p,s), integer) -> decimal(rp,s)", "round(double) -> double",
        "round(double, integer) -> double", "round(integer) -> integer", "round(integer, integer) -> integer",
        "round(real) -> real", "round(real, integer) -> real", "round(smallint) -> smallint",
        "round(smallint, integer) -> smallint", "round(tinyint) -> tinyint", "round(tinyint, integer) -> tinyint",
        "truncate(decimal(p,s)) -> decimal(rp,0)", "truncate(decimal(p,s), integer) -> decimal(p,s)",
        "truncate(double) -> double", "truncate(real) -> real",
        "sign(bigint) -> bigint", "sign(decimal(p,s)) -> decimal(1,0)", "sign(double) -> double",
        "sign(integer) -> integer", "sign(real) -> real", "sign(smallint) -> smallint", "sign(tinyint) -> tinyint",
        "mod(bigint, bigint) -> bigint",
        "mod(decimal(a_precision,a_scale), decimal(b_precision,b_scale)) -> decimal(r_precision,r_scale)",
        "mod(double, double) -> double", "mod(integer, integer) -> integer", "mod(real, real) -> real",
        "mod(smallint, smallint) -> smallint", "mod(tinyint, tinyint) -> tinyint",
        "power(double, double) -> double", "sqrt(double) -> double", "cbrt(double) -> double",
        "exp(double) -> double", "ln(double) -> double", "log2(double) -> double", "log10(double) -> double",
        "log(double, double) -> double", "to_base(bigint, bigint) -> varchar(64)",
        "normal_cdf(double, double, double) -> double", "inverse_normal_cdf(double, double, double) -> double",
        "beta_cdf(double, double, double) -> double", "inverse_beta_cdf(double, double, double) -> double",
        // WilsonInterval
        "wilson_interval_lower(bigint, bigint, double) -> double",
        "wilson_interval_upper(bigint, bigint, double) -> double",
        // JsonFunctions
        "json_extract(json, jsonpath) -> json", "json_extract(varchar(x), jsonpath) -> json",
        "json_extract_scalar(json, jsonpath) -> varchar", "json_extract_scalar(varchar(x), jsonpath) -> varchar(x)",
        "json_size(json, jsonpath) -> bigint", "json_size(varchar(x), jsonpath) -> bigint",
        "json_array_length(json) -> bigint", "json_array_length(varchar(x)) -> bigint",
        "json_array_get(json, bigint) -> json", "json_array_get(varchar(x), bigint) -> json",
        "json_parse(varchar(x)) -> json", "json_format(json) -> varchar",
        // ArrayCardinalityFunction, MapCardinalityFunction, HyperLogLogFunctions, SetDigestFunctions;
        // ArrayContains, IpAddressFunctions; ArrayElementAtFunction, MapElementAtFunction
        "cardinality(array(E)) E -> bigint", "cardinality(hyperloglog) -> bigint",
        "cardinality(map(K,V)) K, V -> bigint", "cardinality(setdigest) -> bigint",
        "contains(array(T), T) T:comparable -> boolean", "array_position(array(T), T) T -> bigint", "contains(varchar, ipaddress) -> boolean",
        "element_at(array(E), bigint) E -> E", "element_at(map(K,V), K) K, V -> V",
        // aggregation: the sum and avg implementations
        "sum(bigint) -> bigint", "sum(decimal(p,s)) -> decimal(38,s)", "sum(double) -> double",
        "sum(interval day to second) -> interval day to second",
        "sum(interval year to month) -> interval year to month", "sum(real) -> real",
        "avg(bigint) -> double", "avg(decimal(p,s)) -> decimal(p,s)", "avg(double) -> double",
        "avg(interval day to second) -> interval day to second",
        "avg(interval year to month) -> interval year to month", "avg(real) -> real",
    };

    /** Names Trino registers as aliases of another's signatures (its {@code @ScalarFunction(alias = …)}). */
    private static final Map<String, String> ALIASES = Map.of("day_of_month", "day", "dow", "day_of_week",
            "doy", "day_of_year", "week_of_year", "week", "yow", "year_of_week", "ceil", "ceiling", "pow", "power");

    /** One declared signature: as Trino prints it in the message, its parameters and its result type. */
    private record Signature(String printed, List<SignatureBinding.Pattern> parameters, boolean variadic,
                             List<String> parameterTexts, String result, SignatureBinding.Pattern resultPattern) {
    }

    private static final Map<String, List<Signature>> SIGNATURES = new HashMap<>();

    static {
        for (String declared : DECLARED) {
            int open = declared.indexOf('(');
            int close = closing(declared, open);
            String name = declared.substring(0, open);
            String arrow = " -> ";
            int result = declared.indexOf(arrow, close);
            String constraints = declared.substring(close + 1, result).strip();
            List<String> texts = split(declared.substring(open + 1, close));
            boolean variadic = !texts.isEmpty() && texts.get(texts.size() - 1).endsWith("...");
            if (variadic) {
                String last = texts.remove(texts.size() - 1);
                texts.add(last.substring(0, last.length() - 3));
            }
            List<SignatureBinding.Pattern> parameters = texts.stream().map(SignatureBinding.Pattern::parse).toList();
            String resultText = declared.substring(result + arrow.length());
            String printed = (name + "(" + String.join(", ", texts) + ") " + constraints).stripTrailing();
            SIGNATURES.computeIfAbsent(name, n -> new ArrayList<>()).add(new Signature(printed, parameters, variadic,
                    List.copyOf(texts), resultText, SignatureBinding.Pattern.parse(resultText)));
        }
        ALIASES.forEach((alias, name) -> {
            for (Signature s : List.copyOf(SIGNATURES.get(name))) {
                String printed = alias + s.printed().substring(name.length());
                SIGNATURES.computeIfAbsent(alias, a -> new ArrayList<>()).add(new Signature(printed, s.parameters(),
                        s.variadic(), s.parameterTexts(), s.result(), s.resultPattern()));
            }
        });
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("Unbalanced signature: " + text);
    }

    /** The arguments of a signature, split at the commas outside brackets. */
    private static List<String> split(String arguments) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(arguments.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!arguments.isBlank()) {
            parts.add(arguments.substring(start).strip());
        }
        return parts;
    }

    private FunctionSignatures() {
    }

    /** Whether calls of {@code name} (lower case, unqualified) are judged here. */
    static boolean isDeclared(String name) {
        return SIGNATURES.containsKey(name);
    }

    /**
     * Trino's resolution of a call: {@code refused} where no signature takes the arguments, else the call's result
     * type where it is certain (null otherwise).
     */
    record Resolution(boolean refused, SqlType result) {
    }

    /**
     * Resolves a call of {@code name} with arguments of these types; null where the call is not judged (a name not
     * declared here, an argument of unknown type or of a type whose coercions are not known here).
     */
    static Resolution resolve(String name, List<SqlType> arguments) {
        List<Signature> declared = SIGNATURES.get(name);
        if (declared == null || !arguments.stream().allMatch(SignatureBinding::judged)) {
            return null;
        }
        List<SqlType> exactResults = new ArrayList<>();
        List<SqlType> results = new ArrayList<>();
        // the results of the signatures that take the most arguments as they are (see below)
        List<SqlType> closest = new ArrayList<>();
        long closestExact = -1;
        boolean applies = false;
        for (Signature signature : declared) {
            SignatureBinding.Bound bound = SignatureBinding.bind(signature.parameters(), signature.variadic(), arguments);
            if (!bound.applies()) {
                continue;
            }
            applies = true;
            SqlType result = result(signature, bound, arguments);
            results.add(result);
            if (bound.exact()) {
                exactResults.add(result);
            }
            long exactArguments = bound.exactArguments().stream().filter(Boolean::booleanValue).count();
            if (exactArguments > closestExact) {
                closest.clear();
                closestExact = exactArguments;
            }
            if (exactArguments == closestExact) {
                closest.add(result);
            }
        }
        if (!applies) {
            return new Resolution(true, null);
        }
        // Trino takes the one signature that binds without coercions; else the result is certain where all agree
        if (exactResults.size() == 1) {
            return new Resolution(false, exactResults.get(0));
        }
        // Trino's most specific signature: date_add('day', 1, ts) coerces the integer 1 in every signature, and the
        // one taking ts as it is (timestamp(p), not timestamp(p) with time zone) is the one Trino binds
        if (exactResults.isEmpty() && closest.size() == 1 && closest.get(0) != null) {
            return new Resolution(false, closest.get(0));
        }
        SqlType first = results.get(0);
        boolean agree = first != null && results.stream().allMatch(first::equals);
        return new Resolution(false, agree ? first : null);
    }

    /**
     * Trino's message for a refused call: {@code Unexpected parameters (varchar(10)) for function year. Expected:
     * …}, every signature of the name in the sorted order Trino lists them (a sorted set of their printed forms).
     */
    static String unexpectedParameters(String name, List<SqlType> arguments) {
        TreeSet<String> expected = new TreeSet<>();
        SIGNATURES.get(name).forEach(s -> expected.add(s.printed()));
        List<String> types = arguments.stream().map(SqlType::signatureName).toList();
        return "Unexpected parameters (" + String.join(", ", types) + ") for function " + name + ". Expected: "
                + String.join(", ", expected);
    }

    /**
     * The result type of a call bound to {@code signature}, where certain: the type of the argument whose declared
     * type the result repeats ({@code upper(varchar(x)) -> varchar(x)}), or an array of it
     * ({@code split(varchar(x), varchar(y)) -> array(varchar(x))}), where that argument binds as it is, a type
     * variable's one bound type, or a type without literal parameters; else null.
     */
    private static SqlType result(Signature signature, SignatureBinding.Bound bound, List<SqlType> arguments) {
        String result = signature.result();
        switch (result) {
            // precision 3 is what a timestamp without a declared one has (see SqlType#fractionDigits)
            case "timestamp(3)" -> {
                return SqlType.simple("timestamp");
            }
            case "timestamp(3) with time zone" -> {
                return SqlType.simple("timestamp with time zone");
            }
            case "varchar(16)" -> {
                return new SqlType("varchar", 16, 0, List.of(), List.of());
            }
            default -> {
            }
        }
        SignatureBinding.Pattern pattern = signature.resultPattern();
        if (!pattern.variable() && !pattern.bounded() && pattern.parameters().isEmpty()) {
            return instantiate(pattern, bound.variables());
        }
        for (int i = 0; i < arguments.size() && !hasVariable(pattern); i++) {
            String text = signature.parameterTexts().get(Math.min(i, signature.parameterTexts().size() - 1));
            if (text.equals(result)) {
                return bound.exactArguments().get(i) ? arguments.get(i) : null;
            }
            if (result.equals("array(" + text + ")")) {
                return bound.exactArguments().get(i) ? SqlType.array(arguments.get(i)) : null;
            }
        }
        return instantiate(pattern, bound.variables());
    }

    private static boolean hasVariable(SignatureBinding.Pattern pattern) {
        return pattern.variable() || pattern.parameters().stream().anyMatch(FunctionSignatures::hasVariable);
    }

    private static SqlType instantiate(SignatureBinding.Pattern pattern, Map<String, List<SqlType>> variables) {
        if (pattern.variable()) {
            List<SqlType> bound = variables.getOrDefault(pattern.base(), List.of());
            return bound.stream().distinct().count() == 1 ? bound.get(0) : null;
        }
        if (pattern.base().equals("array")) {
            SqlType element = instantiate(pattern.parameters().get(0), variables);
            return element == null ? null : SqlType.array(element);
        }
        if (pattern.bounded() || !pattern.parameters().isEmpty()) {
            return null;   // a length, precision or scale computed from the arguments'
        }
        return switch (pattern.base()) {
            case "bigint", "integer", "smallint", "tinyint", "double", "float", "boolean", "date", "varchar",
                 "varbinary", "json", "interval day to second", "interval year to month" -> SqlType.simple(pattern.base());
            default -> null;
        };
    }
}
