package ai.connecty.athena.local.sql;

import static ai.connecty.athena.local.sql.DeclaredCatalog.declared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls Trino's function resolution finds no signature for fail as in Trino ({@link FunctionSignatures}), where every
 * argument's type is certain: literals, casts, bound parameters, the catalog's columns and the calls resolved inside;
 * calls whose arguments coerce to a signature run, on DuckDB tables of the declared types.
 */
class FunctionSignaturesTest {

    private static DeclaredCatalog catalog;

    @BeforeAll
    static void open() throws SQLException {
        catalog = new DeclaredCatalog(Map.of("facts", List.of(
                declared("id", "int"), declared("name", "string"), declared("code", "varchar(10)"),
                declared("flag", "char(3)"), declared("amount", "decimal(10,2)"), declared("ratio", "double"),
                declared("small", "smallint"), declared("big", "bigint"), declared("d", "date"),
                declared("ts", "timestamp"), declared("raw", "binary"), declared("tags", "array<string>"),
                declared("attrs", "map<string,int>"), declared("nested", "struct<a:int,b:string>"),
                declared("doc", "string"))),
                "CREATE TABLE facts AS SELECT 1 AS id, 'Ann' AS name, 'c1' AS code, 'ab ' AS flag, "
                    + "CAST(12.35 AS DECIMAL(10,2)) AS amount, 0.5 ::DOUBLE AS ratio, 2::SMALLINT AS small, "
                    + "3::BIGINT AS big, DATE '2024-03-15' AS d, TIMESTAMP '2024-03-15 10:20:30' AS ts, "
                    + "'\\x01\\x02'::BLOB AS raw, ['x', 'y'] AS tags, MAP {'k': 1} AS attrs, "
                    + "{'a': 1, 'b': 'z'} AS nested, '{\"a\": {\"b\": 7}}' AS doc");
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    private static String printed(String athenaSql) {
        return catalog.printed(athenaSql);
    }

    /** The first row of {@code statement} run with the catalog above. */
    private static List<String> row(SqlStatement statement) {
        List<List<String>> rows = new ArrayList<>();
        QueryRunner.run(catalog.duck(), statement, "awsdatacatalog", "main", catalog::lookUp, new RowSink() {
            @Override
            public void columns(List<OutputColumn> columns) {
            }

            @Override
            public void row(String[] values) {
                rows.add(java.util.Arrays.asList(values));
            }
        });
        return rows.isEmpty() ? List.of() : rows.get(0);
    }

    private static List<String> row(String athenaSql) {
        return row(SqlStatement.parse(athenaSql));
    }

    private static final String YEAR = "Expected: year(date), year(interval year to month), "
            + "year(timestamp(p) with time zone), year(timestamp(p))";
    private static final String CONCAT = "Expected: concat(E, array(E)) E, concat(array(E)) E, "
            + "concat(array(E), E) E, concat(char(x), char(y)), concat(varbinary), concat(varchar)";
    private static final String LENGTH = "Expected: length(char(x)), length(varbinary), length(varchar(x))";

    /** Athena's most frequent function errors: text where a date is declared, a number where text is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT year('2024-01-01')|line 1:8: Unexpected parameters (varchar(10)) for function year. " + YEAR,
        "SELECT date_add('day', 1, '2024-01-01')|line 1:8: Unexpected parameters (varchar(3), integer, varchar(10)) "
                + "for function date_add. Expected: date_add(varchar(x), bigint, date), date_add(varchar(x), bigint, "
                + "time(p) with time zone), date_add(varchar(x), bigint, time(p)), date_add(varchar(x), bigint, "
                + "timestamp(p) with time zone), date_add(varchar(x), bigint, timestamp(p))",
        "SELECT date_diff('day', '2024-01-01', current_date)|line 1:8: Unexpected parameters (varchar(3), "
                + "varchar(10), date) for function date_diff. Expected: date_diff(varchar(x), date, date), "
                + "date_diff(varchar(x), time(p) with time zone, time(p) with time zone), date_diff(varchar(x), "
                + "time(p), time(p)), date_diff(varchar(x), timestamp(p) with time zone, timestamp(p) with time "
                + "zone), date_diff(varchar(x), timestamp(p), timestamp(p))",
        "SELECT length(42)|line 1:8: Unexpected parameters (integer) for function length. " + LENGTH,
        "SELECT substr(12345, 1, 2)|line 1:8: Unexpected parameters (integer, integer, integer) for function substr. "
                + "Expected: substr(char(x), bigint), substr(char(x), bigint, bigint), substr(varbinary, bigint), "
                + "substr(varbinary, bigint, bigint), substr(varchar(x), bigint), substr(varchar(x), bigint, bigint)",
        "SELECT concat(1.5, 'x')|line 1:8: Unexpected parameters (double, varchar(1)) for function concat. " + CONCAT,
        "SELECT upper(DATE '2024-01-01')|line 1:8: Unexpected parameters (date) for function upper. "
                + "Expected: upper(char(x)), upper(varchar(x))",
        "SELECT round('1.5')|line 1:8: Unexpected parameters (varchar(3)) for function round. Expected: round(bigint), "
                + "round(bigint, integer), round(decimal(p,s)), round(decimal(p,s), integer), round(double), "
                + "round(double, integer), round(integer), round(integer, integer), round(real), round(real, integer), "
                + "round(smallint), round(smallint, integer), round(tinyint), round(tinyint, integer)",
        "SELECT date_format('2024-01-01', '%Y')|line 1:8: Unexpected parameters (varchar(10), varchar(2)) for function "
                + "date_format. Expected: date_format(timestamp(p) with time zone, varchar(x)), "
                + "date_format(timestamp(p), varchar(x))",
        "SELECT from_unixtime('1700000000')|line 1:8: Unexpected parameters (varchar(10)) for function from_unixtime. "
                + "Expected: from_unixtime(double), from_unixtime(double, bigint, bigint), "
                + "from_unixtime(double, varchar(x))",
        "SELECT json_extract_scalar(1, '$.a')|line 1:8: Unexpected parameters (integer, varchar(3)) for function "
                + "json_extract_scalar. Expected: json_extract_scalar(json, jsonpath), "
                + "json_extract_scalar(varchar(x), jsonpath)",
        "SELECT md5('a')|line 1:8: Unexpected parameters (varchar(1)) for function md5. Expected: md5(varbinary)",
        "SELECT json_format('{}')|line 1:8: Unexpected parameters (varchar(2)) for function json_format. "
                + "Expected: json_format(json)",
        "SELECT cardinality('abc')|line 1:8: Unexpected parameters (varchar(3)) for function cardinality. Expected: "
                + "cardinality(array(E)) E, cardinality(hyperloglog), cardinality(map(K,V)) K, V, cardinality(setdigest)",
        "SELECT contains(ARRAY['a'], 1)|line 1:8: Unexpected parameters (array(varchar(1)), integer) for function "
                + "contains. Expected: contains(array(T), T) T:comparable, contains(varchar, ipaddress)",
        "SELECT element_at(ARRAY[1], 'k')|line 1:8: Unexpected parameters (array(integer), varchar(1)) for function "
                + "element_at. Expected: element_at(array(E), bigint) E, element_at(map(K,V), K) K, V",
        "SELECT sum('1')|line 1:8: Unexpected parameters (varchar(1)) for function sum. Expected: sum(bigint), "
                + "sum(decimal(p,s)), sum(double), sum(interval day to second), sum(interval year to month), sum(real)",
        "SELECT power('2', 2)|line 1:8: Unexpected parameters (varchar(1), integer) for function power. "
                + "Expected: power(double, double)",
        "SELECT regexp_like(1, 'a')|line 1:8: Unexpected parameters (integer, varchar(1)) for function regexp_like. "
                + "Expected: regexp_like(varchar(x), joniregexp)",
        "SELECT url_extract_host(1)|line 1:8: Unexpected parameters (integer) for function url_extract_host. "
                + "Expected: url_extract_host(varchar(x))",
        // a wrong number of arguments is the same error
        "SELECT year(DATE '2024-01-01', 1)|line 1:8: Unexpected parameters (date, integer) for function year. " + YEAR,
    })
    void callsNoSignatureTakesFailAsInTrino(String sql, String message) {
        assertThatThrownBy(() -> printed(sql)).isInstanceOfSatisfying(EngineFailure.class, e -> {
            assertThat(e.errorName()).isEqualTo("FUNCTION_NOT_FOUND");
            assertThat(e.category()).isEqualTo(2);
            assertThat(e.errorType()).isEqualTo(1303);
            assertThat(e.getMessage()).isEqualTo("FUNCTION_NOT_FOUND: " + message);
        });
    }

    /** An alias is named as called, and lists the alias's own signatures: Trino's message uses the name written. */
    @Test
    void aliasesAreNamedAsCalled() {
        assertThatThrownBy(() -> printed("SELECT dow('x')")).hasMessage("FUNCTION_NOT_FOUND: line 1:8: Unexpected "
                + "parameters (varchar(1)) for function dow. Expected: dow(date), dow(timestamp(p) with time zone), "
                + "dow(timestamp(p))");
        assertThatThrownBy(() -> printed("SELECT ceil('1')")).hasMessageStartingWith("FUNCTION_NOT_FOUND: line 1:8: "
                + "Unexpected parameters (varchar(1)) for function ceil. Expected: ceil(bigint), ceil(decimal(p,s)),");
        // SUBSTRING(x FROM a FOR b) is Trino's substr; substring lists no varbinary signatures
        assertThatThrownBy(() -> printed("SELECT SUBSTRING(1 FROM 2)")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (integer, integer) for function substr.");
        assertThatThrownBy(() -> printed("SELECT substring(1, 2)")).hasMessage("FUNCTION_NOT_FOUND: line 1:8: "
                + "Unexpected parameters (integer, integer) for function substring. Expected: substring(char(x), "
                + "bigint), substring(char(x), bigint, bigint), substring(varchar(x), bigint), substring(varchar(x), "
                + "bigint, bigint)");
    }

    /** The catalog's column types are certain, and so are those of the calls resolved inside an argument. */
    @Test
    void columnsAndResolvedCallsAreJudged() {
        assertThatThrownBy(() -> printed("SELECT year(name) FROM facts"))
                .hasMessage("FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar) for function year. " + YEAR);
        assertThatThrownBy(() -> printed("SELECT id\nFROM facts\nWHERE length(amount) > 2"))
                .hasMessage("FUNCTION_NOT_FOUND: line 3:7: Unexpected parameters (decimal(10,2)) for function length. "
                        + LENGTH);
        assertThatThrownBy(() -> printed("SELECT date_diff('day', code, d) FROM facts")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar(3), varchar(10), date) for function "
                        + "date_diff.");
        assertThatThrownBy(() -> printed("SELECT length(ts) FROM facts")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (timestamp(3)) for function length.");
        assertThatThrownBy(() -> printed("SELECT upper(attrs), 1 FROM facts")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (map(varchar,integer)) for function upper.");
        assertThatThrownBy(() -> printed("SELECT lower(nested) FROM facts")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (row(\"a\" integer,\"b\" varchar)) for function "
                        + "lower.");
        assertThatThrownBy(() -> printed("SELECT trim(flag || id) FROM facts")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:18: Unexpected parameters (char(3), integer) for function concat.");
        // the result of a resolved call: year(…) is a bigint, length(…) takes none
        assertThatThrownBy(() -> printed("SELECT length(year(d)) FROM facts")).hasMessage(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (bigint) for function length. " + LENGTH);
        assertThatThrownBy(() -> printed("SELECT year(date_format(ts, '%Y')) FROM facts")).hasMessage(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar) for function year. " + YEAR);
        assertThatThrownBy(() -> printed("SELECT upper(tags[1] || 1) FROM facts")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:22: Unexpected parameters (varchar, integer) for function concat.");
        assertThatThrownBy(() -> printed("SELECT length(element_at(attrs, 'k')) FROM facts")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (integer) for function length.");
    }

    /**
     * Trino resolves a call after its arguments, left to right: the innermost, leftmost refusal is the one reported;
     * a chain of {@code ||} is nested calls, each positioned at its operator, and a text join yields a varchar.
     */
    @Test
    void theFirstCallAnalysedIsTheOneReported() {
        assertThatThrownBy(() -> printed("SELECT upper(year('x'))")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:14: Unexpected parameters (varchar(1)) for function year.");
        assertThatThrownBy(() -> printed("SELECT 1.5 || 'x'")).hasMessage(
                "FUNCTION_NOT_FOUND: line 1:12: Unexpected parameters (double, varchar(1)) for function concat. " + CONCAT);
        assertThatThrownBy(() -> printed("SELECT 'a' || 'b' || 1")).hasMessage(
                "FUNCTION_NOT_FOUND: line 1:19: Unexpected parameters (varchar, integer) for function concat. " + CONCAT);
        assertThatThrownBy(() -> printed("SELECT (1 || 'a') || year('x')")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:11: Unexpected parameters (integer, varchar(1)) for function concat.");
        assertThatThrownBy(() -> printed("SELECT year('x') || (1 || 'a')")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (varchar(1)) for function year.");
        assertThatThrownBy(() -> printed("SELECT ARRAY['a'] || 1")).hasMessage("FUNCTION_NOT_FOUND: line 1:19: "
                + "Unexpected parameters (array(varchar(1)), integer) for function concat. " + CONCAT);
    }

    /** Analysis errors are not errors of a row: try() does not catch them, in Trino or here. */
    @Test
    void tryDoesNotCatchTheRefusal() {
        assertThatThrownBy(() -> printed("SELECT try(year('2024-01-01'))")).hasMessage(
                "FUNCTION_NOT_FOUND: line 1:12: Unexpected parameters (varchar(10)) for function year. " + YEAR);
        assertThatThrownBy(() -> row("SELECT try(length(id) / 0) FROM facts")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:12: Unexpected parameters (integer) for function length.");
    }

    /** TRIM(…) is resolved as trim, ltrim or rtrim, without a position; ltrim and rtrim called by name have one. */
    @Test
    void trimIsResolvedWithoutAPosition() {
        String trim = "Expected: trim(char(x)), trim(char(x), codepoints), trim(varchar(x)), trim(varchar(x), codepoints)";
        assertThatThrownBy(() -> printed("SELECT trim(1)")).hasMessage(
                "FUNCTION_NOT_FOUND: Unexpected parameters (integer) for function trim. " + trim);
        assertThatThrownBy(() -> printed("SELECT trim(LEADING 'x' FROM 1)")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: Unexpected parameters (integer, varchar(1)) for function ltrim.");
        assertThatThrownBy(() -> printed("SELECT rtrim(id) FROM facts")).hasMessageStartingWith(
                "FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (integer) for function rtrim.");
        assertThat(row("SELECT trim(flag), trim(BOTH 'x' FROM 'xax'), ltrim(' a'), rtrim(name) FROM facts"))
                .containsExactly("ab", "a", "a", "Ann");
    }

    /** EXTRACT takes a field only from the types Trino's analysis allows for it. */
    @Test
    void extractOfAFieldFromAnotherTypeIsTrinosTypeMismatch() {
        assertThatThrownBy(() -> printed("SELECT EXTRACT(YEAR FROM '2024-01-01')"))
                .isInstanceOfSatisfying(EngineFailure.class, e -> assertThat(e.errorType()).isEqualTo(1002))
                .hasMessage("TYPE_MISMATCH: line 1:26: Cannot extract YEAR from varchar(10)");
        assertThatThrownBy(() -> printed("SELECT EXTRACT(HOUR FROM d) FROM facts"))
                .hasMessage("TYPE_MISMATCH: line 1:26: Cannot extract HOUR from date");
        assertThatThrownBy(() -> printed("SELECT EXTRACT(DAY_OF_WEEK FROM id) FROM facts"))
                .hasMessage("TYPE_MISMATCH: line 1:33: Cannot extract DAY_OF_WEEK from integer");
        assertThat(row("SELECT EXTRACT(YEAR FROM d), EXTRACT(HOUR FROM ts), EXTRACT(DAY FROM INTERVAL '2' DAY), "
                + "EXTRACT(MONTH FROM INTERVAL '14' MONTH) FROM facts"))
                .containsExactly("2024", "10", "2", "2");
    }

    /**
     * What Trino coerces runs: integers where bigint is declared, integers and decimals where a double or a decimal
     * is, dates where a timestamp is, char where varchar is, text where a pattern or a JSON path is, NULL anywhere,
     * arrays with their elements.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT year(d), year(ts), month(current_date), day_of_week(ts AT TIME ZONE 'UTC'), hour(ts), week(d) FROM facts",
        "SELECT date_add('day', 1, d), date_add('day', -7, current_date), date_add('hour', small, ts) FROM facts",
        "SELECT date_diff('day', d, ts), date_diff('day', d, current_timestamp), date_trunc('month', d) FROM facts",
        "SELECT date_format(d, '%Y'), date_format(ts, '%Y-%m'), format_datetime(ts, 'yyyy'), to_iso8601(d) FROM facts",
        "SELECT to_unixtime(ts), to_unixtime(d), from_unixtime(big), from_unixtime(id, 'UTC'), from_unixtime(0, 1, 0) "
                + "FROM facts",
        "SELECT date_parse(code, '%Y'), parse_datetime('2024', 'yyyy'), from_iso8601_date('2024-01-01'), "
                + "from_iso8601_timestamp(name) IS NULL FROM facts WHERE false",
        "SELECT length(flag), length(name), length(raw), length(code), substr(name, 1), substr(flag, 1, 2), "
                + "substr(name, small, big) FROM facts",
        "SELECT upper(flag), lower(code), reverse(name), reverse(flag), strpos(name, 'n'), split(name, 'n'), "
                + "split_part(name, 'n', 1), starts_with(code, flag) FROM facts",
        "SELECT replace(name, 'A'), replace(name, 'A', flag), lpad(name, 5, '0'), rpad(code, 5, flag), "
                + "lpad(flag, 5, '.') FROM facts",
        "SELECT regexp_like(name, '^A'), regexp_extract(code, '[0-9]'), regexp_replace(flag, 'a', 'b'), "
                + "regexp_like(flag, code) FROM facts",
        "SELECT concat(name, flag, code), name || flag, tags || name, flag || tags, tags || tags, concat(tags, "
                + "ARRAY['z']), NULL || name, ARRAY[1] || 2.5, raw || raw FROM facts",
        "SELECT abs(small), abs(amount), round(amount, 2), round(ratio), round(id, 1), floor(amount), ceil(ratio), "
                + "ceiling(big) FROM facts",
        "SELECT power(id, 2), pow(amount, small), sqrt(big), ln(amount), log10(100), mod(big, id), mod(amount, 2), "
                + "mod(ratio, 2) FROM facts",
        "SELECT json_extract_scalar(doc, '$.a.b'), json_extract(doc, '$.a'), json_format(json_parse(doc)), "
                + "json_extract_scalar(json_parse(doc), '$.a.b') FROM facts",
        "SELECT cardinality(tags), cardinality(attrs), contains(tags, 'x'), contains(ARRAY[1, 2], big), "
                + "element_at(tags, 1), element_at(attrs, 'k'), element_at(attrs, flag) FROM facts",
        "SELECT length(NULL), concat(NULL, NULL), date_add('day', NULL, d), json_parse(NULL) FROM facts",
        "SELECT sum(id), sum(amount), avg(ratio), sum(DISTINCT small) FILTER (WHERE id > 0), sum(NULL), avg(small) FROM facts",
        "SELECT sum(big) OVER (PARTITION BY id), avg(amount) OVER () FROM facts",
        "SELECT upper(CAST(id AS varchar)), length(CAST(amount AS varchar)), year(CAST(name AS date)) FROM facts "
                + "WHERE false",
        "SELECT length(nested.b), year(date_add('day', 1, d)), length(upper(name) || lower(code)) FROM facts",
    })
    void callsSignaturesTakeRun(String sql) {
        assertThat(row(sql)).isNotNull();
    }

    /** An argument of a type not certain here (an expression the tree does not type) leaves the call to run. */
    @Test
    void callsWithAnArgumentOfUncertainTypeAreNotJudged() {
        assertThat(printed("SELECT year(unknown_column) FROM unknown_table")).contains("year(\"unknown_column\")");
        assertThat(printed("SELECT length(id + 1), upper(name || 1 + 1) FROM unknown_table")).contains("length(");
        // a function of a catalog's (unjudged, as athena-local does not know its result)
        assertThat(printed("SELECT year(udf.nosuch(d)) FROM facts")).contains("year(udf.nosuch(\"d\"))");
        // a lambda parameter hides the column of its name: its type is the element's, not known here
        assertThat(row("SELECT transform(tags, id -> upper(id)) FROM facts")).containsExactly("[X, Y]");
        assertThat(printed("SELECT filter(tags, small -> length(small) = 1) FROM facts")).contains("length(");
        // an untyped NULL goes anywhere (typed for DuckDB where it has several overloads and Trino picks any)
        assertThat(printed("SELECT year(NULL), upper(NULL), date_format(NULL, '%Y')")).contains("year(CAST(NULL AS");
    }

    /** A bound parameter has its value's type: a date binds where a date is declared, text does not. */
    @Test
    void boundParametersHaveTheirValuesTypes() {
        SqlStatement parsed = SqlStatement.parse("SELECT date_add('day', ?, ?), round(?, ?)");
        assertThat(row(QueryParameters.bind(parsed, List.of("1", "DATE '2024-01-31'", "1.25", "1")).statement()))
                .containsExactly("2024-02-01", "1.3");
        assertThat(row(QueryParameters.bind(parsed, List.of("1", "TIMESTAMP '2024-01-31 10:00:00'", "DECIMAL '1.25'",
                "1")).statement())).startsWith("2024-02-01 10:00:00");
        SqlStatement text = QueryParameters.bind(parsed, List.of("1", "'2024-01-31'", "1.25", "1")).statement();
        assertThatThrownBy(() -> row(text)).hasMessageStartingWith("FUNCTION_NOT_FOUND: line 1:8: Unexpected "
                + "parameters (varchar(3), integer, varchar(10)) for function date_add.");
    }
}
