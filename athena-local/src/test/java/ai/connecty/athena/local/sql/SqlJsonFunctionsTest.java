package ai.connecty.athena.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trino's SQL/JSON functions ({@link SqlJsonFunctions}, {@link JsonPathLanguage}) run through {@link QueryRunner}:
 * every example of Trino's json.md for json_exists, json_query, json_value, json_array and json_object with its
 * documented result (the docs' {@code customers} table as a VALUES list), then the path language's accessors,
 * filters and methods in lax and strict mode, each ON EMPTY / ON ERROR choice, PASSING parameters, NULL input and
 * the documented errors.
 */
class SqlJsonFunctionsTest {

    private static final String CUSTOMERS = "WITH customers(id, description) AS (VALUES "
            + "(101, '{\"comment\" : \"nice\", \"children\" : [10, 13, 16]}'), "
            + "(102, '{\"comment\" : \"problematic\", \"children\" : [8, 11]}'), "
            + "(103, '{\"comment\" : \"knows best\", \"children\" : [2]}')) ";

    @RegisterExtension
    static final DuckDbSuite DUCK = new DuckDbSuite();

    record Example(String sql, String expected) {
        @Override
        public String toString() {
            return sql;
        }
    }

    private static Example ex(String sql, String expected) {
        return new Example(sql, expected);
    }

    private static String value(String sql) {
        return TranslatedRows.value(DUCK.connection(), sql);
    }

    /** One column of the docs' customers table, by id, each row as {@code id | value}. */
    private static List<String> perCustomer(String expression) {
        return TranslatedRows.joined(DUCK.connection(), CUSTOMERS + "SELECT id, " + expression + " FROM customers ORDER BY id",
                "default");
    }

    // ---- json.md: the functions' examples on the customers table ------------------------------------------

    @Test
    void jsonExistsDocsExamples() {
        assertThat(perCustomer("json_exists(description, 'lax $.children[*]?(@ > 10)')"))
                .containsExactly("101 | true", "102 | true", "103 | false");
        assertThat(perCustomer("json_exists(description, 'strict $.children[2]?(@ > 10)' UNKNOWN ON ERROR)"))
                .containsExactly("101 | true", "102 | null", "103 | null");
    }

    @Test
    void jsonQueryDocsExamples() {
        assertThat(perCustomer("json_query(description, 'lax $.children')"))
                .containsExactly("101 | [10,13,16]", "102 | [8,11]", "103 | [2]");
        assertThat(perCustomer("json_query(description, 'lax $.children[*]' WITHOUT ARRAY WRAPPER NULL ON ERROR)"))
                .containsExactly("101 | null", "102 | null", "103 | 2");
        assertThat(perCustomer("json_query(description, 'lax $.children[last]' WITH ARRAY WRAPPER)"))
                .containsExactly("101 | [16]", "102 | [11]", "103 | [2]");
        assertThat(perCustomer("json_query(description, 'strict $.children[*]?(@ > 12)' WITH ARRAY WRAPPER "
                + "EMPTY ARRAY ON EMPTY)"))
                .containsExactly("101 | [13,16]", "102 | []", "103 | []");
        assertThat(perCustomer("json_query(description, 'strict $.comment' KEEP QUOTES), "
                + "json_query(description, 'strict $.comment' OMIT QUOTES)"))
                .containsExactly("101 | \"nice\" | nice", "102 | \"problematic\" | problematic",
                        "103 | \"knows best\" | knows best");
    }

    @Test
    void jsonValueDocsExamples() {
        assertThat(perCustomer("json_value(description, 'lax $.comment' RETURNING char(12))"))
                .containsExactly("101 | nice        ", "102 | problematic ", "103 | knows best  ");
        assertThat(perCustomer("json_value(description, 'lax $.children[0]' RETURNING tinyint)"))
                .containsExactly("101 | 10", "102 | 8", "103 | 2");
        assertThat(perCustomer("json_value(description, 'strict $.children[2]' DEFAULT 'err' ON ERROR)"))
                .containsExactly("101 | 16", "102 | err", "103 | err");
        assertThat(perCustomer("json_value(description, 'lax $.children[2]' DEFAULT 'missing' ON EMPTY)"))
                .containsExactly("101 | 16", "102 | missing", "103 | missing");
    }

    static Stream<Example> constructorDocsExamples() {
        return Stream.of(
            ex("SELECT json_array(true, 12e-1, 'text')", "[true,1.2,\"text\"]"),
            ex("SELECT json_array('[  \"text\"  ] ' FORMAT JSON)", "[[\"text\"]]"),
            ex("SELECT json_array(json_query('{\"key\" : [  \"value\"  ]}', 'lax $.key'))", "[[\"value\"]]"),
            ex("SELECT json_array(DATE '2001-01-31', UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59')",
                    "[\"2001-01-31\",\"12151fd2-7586-11e9-8f9e-2a86e4085a59\"]"),
            ex("SELECT json_array()", "[]"),
            ex("SELECT json_array(true, null, 1)", "[true,1]"),
            ex("SELECT json_array(true, null, 1 ABSENT ON NULL)", "[true,1]"),
            ex("SELECT json_array(true, null, 1 NULL ON NULL)", "[true,null,1]"),
            ex("SELECT json_array(true, 1 RETURNING VARCHAR(100))", "[true,1]"),
            ex("SELECT json_array(true, 1 RETURNING VARBINARY)", "5b 74 72 75 65 2c 31 5d"),
            ex("SELECT json_array(true, 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF8)", "5b 74 72 75 65 2c 31 5d"),
            ex("SELECT json_object('key1' : 1, 'key2' : true)", "{\"key1\":1,\"key2\":true}"),
            ex("SELECT json_object(KEY 'key1' VALUE 1, KEY 'key2' VALUE true)", "{\"key1\":1,\"key2\":true}"),
            ex("SELECT json_object('key1' VALUE 1, 'key2' VALUE true)", "{\"key1\":1,\"key2\":true}"),
            ex("SELECT json_object('x' : true, 'y' : 12e-1, 'z' : 'text')", "{\"x\":true,\"y\":1.2,\"z\":\"text\"}"),
            ex("SELECT json_object('x' : '[  \"text\"  ] ' FORMAT JSON)", "{\"x\":[\"text\"]}"),
            ex("SELECT json_object('x' : json_query('{\"key\" : [  \"value\"  ]}', 'lax $.key'))",
                    "{\"x\":[\"value\"]}"),
            ex("SELECT json_object('x' : DATE '2001-01-31', 'y' : UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59')",
                    "{\"x\":\"2001-01-31\",\"y\":\"12151fd2-7586-11e9-8f9e-2a86e4085a59\"}"),
            ex("SELECT json_object()", "{}"),
            ex("SELECT json_object('x' : null, 'y' : 1)", "{\"x\":null,\"y\":1}"),
            ex("SELECT json_object('x' : null, 'y' : 1 NULL ON NULL)", "{\"x\":null,\"y\":1}"),
            ex("SELECT json_object('x' : null, 'y' : 1 ABSENT ON NULL)", "{\"y\":1}"),
            ex("SELECT json_object('x' : 1 RETURNING VARCHAR(100))", "{\"x\":1}"),
            ex("SELECT json_object('x' : 1 RETURNING VARBINARY)", "7b 22 78 22 3a 31 7d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructorDocsExamples")
    void constructorsRunAsDocumented(Example example) {
        assertThat(value(example.sql())).isEqualTo(example.expected());
    }

    @Test
    void duplicateKeyWithUniqueKeysFailsAsDocumented() {
        assertThatThrownBy(() -> value("SELECT json_object('x' : null, 'x' : 1 WITH UNIQUE KEYS)"))
                .isInstanceOf(EngineFailure.class)
                .hasMessage("INVALID_FUNCTION_ARGUMENT: duplicate key passed to JSON_OBJECT function");
        assertThatThrownBy(() -> value("SELECT json_object('x' : null, 'x' : 1)"))
                .isInstanceOf(EngineFailure.class)
                .hasMessage("NOT_SUPPORTED: cannot construct a JSON object with duplicate key");
        assertThatThrownBy(() -> value("SELECT json_object(CAST(NULL AS varchar) : 1)"))
                .isInstanceOf(EngineFailure.class)
                .hasMessage("INVALID_FUNCTION_ARGUMENT: null value passed for JSON object key to JSON_OBJECT function");
    }

    // ---- the path language (json.md "JSON path language"), through json_query ----------------------------

    private static final String THREE_OBJECTS = "'[{\"customer\" : 100, \"region\" : \"AFRICA\"}, "
            + "{\"region\" : \"ASIA\"}, {\"customer\" : 300, \"region\" : \"AFRICA\", \"comment\" : null}]'";
    private static final String THREE_ARRAYS = "'[[0, 1, 2], [\"a\", \"b\", \"c\", \"d\"], [null, null]]'";

    static Stream<Example> pathExamples() {
        return Stream.of(
            // member accessor: lax skips the object without the member, strict fails
            ex("SELECT json_query(" + THREE_OBJECTS + ", 'lax $[*].customer' WITH ARRAY WRAPPER)", "[100,300]"),
            ex("SELECT json_query(" + THREE_OBJECTS + ", 'strict $[*].customer' WITH ARRAY WRAPPER)", null),
            ex("SELECT json_query(" + THREE_OBJECTS + ", 'lax $.customer' WITH ARRAY WRAPPER)", "[100,300]"),
            ex("SELECT json_query('{\"a b\" : 1}', 'lax $.\"a b\"')", "1"),
            // wildcard member accessor
            ex("SELECT json_query(" + THREE_OBJECTS + ", 'lax $[*].*' WITH ARRAY WRAPPER)",
                    "[100,\"AFRICA\",\"ASIA\",300,\"AFRICA\",null]"),
            // array accessors
            ex("SELECT json_query(" + THREE_ARRAYS + ", 'lax $[*][last]' WITH ARRAY WRAPPER)", "[2,\"d\",null]"),
            ex("SELECT json_query(" + THREE_ARRAYS + ", 'lax $[*][2 to 3]' WITH ARRAY WRAPPER)", "[2,\"c\",\"d\"]"),
            ex("SELECT json_query(" + THREE_ARRAYS + ", 'strict $[*][2 to 3]' WITH ARRAY WRAPPER)", null),
            ex("SELECT json_query(" + THREE_ARRAYS + ", 'lax $[*][1, 0, 0]' WITH ARRAY WRAPPER)",
                    "[1,0,0,\"b\",\"a\",\"a\",null,null,null]"),
            ex("SELECT json_query(" + THREE_ARRAYS + ", 'lax $[*][*]' WITH ARRAY WRAPPER)",
                    "[0,1,2,\"a\",\"b\",\"c\",\"d\",null,null]"),
            // an empty sequence is ON EMPTY's (NULL) before any wrapper applies
            ex("SELECT json_query('[1, 2, 3]', 'lax $[5 to 3]' WITH ARRAY WRAPPER)", null),
            ex("SELECT json_query('[1, 2, 3]', 'lax $[5 to 3]' WITH ARRAY WRAPPER EMPTY ARRAY ON EMPTY)", "[]"),
            ex("SELECT json_query('[1, 2, 3]', 'strict $[5 to 3]' WITH ARRAY WRAPPER EMPTY ARRAY ON EMPTY)", null),
            ex("SELECT json_query('[1, 2, 3]', 'lax $[last - 1]')", "2"),
            // filters
            ex("SELECT json_query(" + THREE_OBJECTS + ", 'lax $[*]?(@.region != \"ASIA\")' WITH ARRAY WRAPPER)",
                    "[{\"customer\":100,\"region\":\"AFRICA\"},{\"customer\":300,\"region\":\"AFRICA\",\"comment\":null}]"),
            ex("SELECT json_query(" + THREE_OBJECTS + ", 'lax $[*]?(!exists(@.customer))')", "{\"region\":\"ASIA\"}"),
            ex("SELECT json_query('[1, 5, 10, 20]', 'lax $[*]?(@ > 2 && @ < 15)' WITH ARRAY WRAPPER)", "[5,10]"),
            ex("SELECT json_query('[1, 5, 10, 20]', 'lax $[*]?(@ < 2 || @ > 15)' WITH ARRAY WRAPPER)", "[1,20]"),
            ex("SELECT json_query('[\"abc\", \"xbc\", 1]', 'strict $[*]?(@ starts with \"a\")' WITH ARRAY WRAPPER)",
                    "[\"abc\"]"),
            ex("SELECT json_query('[1, \"a\", null]', 'strict $[*]?((@ > 0) is unknown)' WITH ARRAY WRAPPER)",
                    "[\"a\"]"),
            ex("SELECT json_query('[null, 1]', 'lax $[*]?(@ == null)' WITH ARRAY WRAPPER)", "[null]"),
            ex("SELECT json_query('[null, 1]', 'lax $[*]?(@ != null)' WITH ARRAY WRAPPER)", null),
            // item methods
            ex("SELECT json_query('[-1, 23e4, \"5.6\"]', 'lax $[*].double()' WITH ARRAY WRAPPER)",
                    "[-1.0,230000.0,5.6]"),
            ex("SELECT json_query('[-1.5, -1, 1.3]', 'lax $[*].ceiling()' WITH ARRAY WRAPPER)", "[-1.0,-1,2.0]"),
            ex("SELECT json_query('[-1.5, -1, 1.3]', 'lax $[*].floor()' WITH ARRAY WRAPPER)", "[-2.0,-1,1.0]"),
            ex("SELECT json_query('[-1.5, -1, 1.3]', 'lax $[*].abs()' WITH ARRAY WRAPPER)", "[1.5,1,1.3]"),
            ex("SELECT json_query(" + THREE_OBJECTS + ", 'lax $[*].keyvalue()' WITH ARRAY WRAPPER)",
                    "[{\"name\":\"customer\",\"value\":100,\"id\":0},{\"name\":\"region\",\"value\":\"AFRICA\",\"id\":0},"
                    + "{\"name\":\"region\",\"value\":\"ASIA\",\"id\":1},{\"name\":\"customer\",\"value\":300,\"id\":2},"
                    + "{\"name\":\"region\",\"value\":\"AFRICA\",\"id\":2},{\"name\":\"comment\",\"value\":null,\"id\":2}]"),
            ex("SELECT json_query('[null, 1, \"a\", true, [], {}]', 'lax $[*].type()' WITH ARRAY WRAPPER)",
                    "[\"null\",\"number\",\"string\",\"boolean\",\"array\",\"object\"]"),
            ex("SELECT json_query(" + THREE_ARRAYS + ", 'lax $[*].size()' WITH ARRAY WRAPPER)", "[3,4,2]"),
            // lax mode: the docs' sequence of an array, an object and a number
            ex("SELECT json_query('[[1, \"a\", null], {\"key1\" : 1.0, \"key2\" : true}, -2e3]', 'lax $[*][*]' "
                    + "WITH ARRAY WRAPPER)", "[1,\"a\",null,{\"key1\":1.0,\"key2\":true},-2000.0]"),
            ex("SELECT json_query('[[1, \"a\", null], {\"key1\" : 1.0, \"key2\" : true}, -2e3]', 'lax $[*].size()' "
                    + "WITH ARRAY WRAPPER)", "[3,1,1]"),
            ex("SELECT json_query('[[1, \"a\", null], {\"key1\" : 1.0, \"key2\" : true}, -2e3]', 'lax $[0].floor()' "
                    + "WITH ARRAY WRAPPER)", null),
            ex("SELECT json_query('{\"a\" : 1}', 'strict $.size()')", null),
            ex("SELECT json_query('{\"a\" : 1}', 'lax $.size()')", "1"),
            // arithmetic
            ex("SELECT json_value('{\"price\" : 10, \"tax\" : 3}', 'strict $.price + $.tax')", "13"),
            ex("SELECT json_value('{\"price\" : 10, \"tax\" : 3}', 'strict $.price * 2 - $.tax % 2')", "19"),
            ex("SELECT json_value('{\"price\" : 10}', 'strict $.price / 4')", "2"),
            ex("SELECT json_value('{\"price\" : 10}', 'strict -$.price')", "-10"),
            ex("SELECT json_value('[1, 2, 3]', 'lax $[last].abs().floor()')", "3"),
            ex("SELECT json_exists('{\"price\" : 100, \"tax\" : 5}', 'strict ($.price + $.tax)?(@ > 99.9)')", "true"),
            ex("SELECT json_exists('[5, 20, 30]', 'lax $[0 to 1].floor()?(@ > 10)')", "true"),
            ex("SELECT json_exists('[5, 2, 30]', 'lax $[0 to 1].floor()?(@ > 10)')", "false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathExamples")
    void pathLanguage(Example example) {
        assertThat(value(example.sql())).isEqualTo(example.expected());
    }

    // ---- ON EMPTY / ON ERROR, NULL input, PASSING ---------------------------------------------------------

    static Stream<Example> behaviours() {
        return Stream.of(
            // json_exists: FALSE by default on error; TRUE, UNKNOWN as asked
            ex("SELECT json_exists('{\"a\" : 1}', 'strict $.b')", "false"),
            ex("SELECT json_exists('{\"a\" : 1}', 'lax $.b')", "false"),
            ex("SELECT json_exists('{\"a\" : 1}', 'lax $.a')", "true"),
            ex("SELECT json_exists('{\"a\" : 1}', 'strict $.b' TRUE ON ERROR)", "true"),
            ex("SELECT json_exists('{\"a\" : 1}', 'strict $.b' FALSE ON ERROR)", "false"),
            ex("SELECT json_exists('{\"a\" : 1}', 'strict $.b' UNKNOWN ON ERROR)", null),
            ex("SELECT json_exists('not json', 'lax $' TRUE ON ERROR)", "true"),
            ex("SELECT json_exists(CAST(NULL AS varchar), 'lax $')", null),
            ex("SELECT json_exists(JSON '{\"a\" : [1]}', 'lax $.a[0]')", "true"),
            // json_value: varchar by default, NULL on empty and on error by default
            ex("SELECT json_value('{\"a\" : \"x\"}', 'lax $.a')", "x"),
            ex("SELECT json_value('{\"a\" : true}', 'lax $.a')", "true"),
            ex("SELECT json_value('{\"a\" : 1.5}', 'lax $.a')", "1.5E0"),
            ex("SELECT json_value('{\"a\" : null}', 'lax $.a')", null),
            ex("SELECT json_value('{\"a\" : 1}', 'lax $.b')", null),
            ex("SELECT json_value('{\"a\" : [1, 2]}', 'lax $.a')", null),
            ex("SELECT json_value('{\"a\" : [1, 2]}', 'lax $.a[*]')", null),
            ex("SELECT json_value('{\"a\" : 1}', 'lax $.b' NULL ON EMPTY)", null),
            ex("SELECT json_value('{\"a\" : 1}', 'lax $.b' DEFAULT 'none' ON EMPTY)", "none"),
            ex("SELECT json_value('{\"a\" : [1, 2]}', 'lax $.a' DEFAULT 'bad' ON ERROR)", "bad"),
            ex("SELECT json_value('{\"a\" : [1, 2]}', 'lax $.a' NULL ON ERROR)", null),
            ex("SELECT json_value('{\"a\" : 1}', 'lax $.b' RETURNING bigint DEFAULT -1 ON EMPTY)", "-1"),
            ex("SELECT json_value('{\"a\" : \"x\"}', 'lax $.a' RETURNING bigint DEFAULT 7 ON ERROR)", "7"),
            ex("SELECT json_value('{\"a\" : \"12\"}', 'lax $.a' RETURNING bigint)", "12"),
            ex("SELECT json_value('{\"a\" : 300}', 'lax $.a' RETURNING tinyint)", null),
            ex("SELECT json_value('{\"a\" : 2.5}', 'lax $.a' RETURNING double)", "2.5"),
            ex("SELECT json_value('{\"a\" : true}', 'lax $.a' RETURNING boolean)", "true"),
            ex("SELECT json_value('{\"a\" : \"2001-01-31\"}', 'lax $.a' RETURNING date)", "2001-01-31"),
            ex("SELECT json_value('{\"a\" : 1.256}', 'lax $.a' RETURNING decimal(5, 2))", "1.26"),
            ex("SELECT json_value('{\"a\" : \"abcdef\"}', 'lax $.a' RETURNING varchar(3))", "abc"),
            ex("SELECT json_value('not json', 'lax $')", null),
            ex("SELECT json_value(CAST(NULL AS varchar), 'lax $')", null),
            // json_query: NULL on empty and on error by default; EMPTY ARRAY / EMPTY OBJECT as asked
            ex("SELECT json_query('{\"a\" : 1}', 'lax $.b')", null),
            ex("SELECT json_query('{\"a\" : 1}', 'lax $.b' EMPTY ARRAY ON EMPTY)", "[]"),
            ex("SELECT json_query('{\"a\" : 1}', 'lax $.b' EMPTY OBJECT ON EMPTY)", "{}"),
            ex("SELECT json_query('{\"a\" : 1}', 'strict $.b' EMPTY OBJECT ON ERROR)", "{}"),
            ex("SELECT json_query('{\"a\" : 1}', 'strict $.b' EMPTY ARRAY ON ERROR)", "[]"),
            ex("SELECT json_query('{\"a\" : 1}', 'strict $.b' NULL ON ERROR)", null),
            ex("SELECT json_query('[1, 2]', 'lax $[*]' EMPTY ARRAY ON ERROR)", "[]"),
            ex("SELECT json_query('[1, 2]', 'lax $[*]' WITH CONDITIONAL ARRAY WRAPPER)", "[1,2]"),
            ex("SELECT json_query('[1, 2]', 'lax $' WITH CONDITIONAL ARRAY WRAPPER)", "[1,2]"),
            ex("SELECT json_query('[1, 2]', 'lax $' WITH UNCONDITIONAL ARRAY WRAPPER)", "[[1,2]]"),
            ex("SELECT json_query('\"a\"', 'lax $' WITH CONDITIONAL WRAPPER)", "[\"a\"]"),
            ex("SELECT json_query('\"a\"', 'lax $' OMIT QUOTES ON SCALAR STRING)", "a"),
            ex("SELECT json_query('{\"a\" : 1}', 'lax $' RETURNING varbinary)", "7b 22 61 22 3a 31 7d"),
            ex("SELECT json_query('not json', 'lax $')", null),
            ex("SELECT json_query(CAST(NULL AS varchar), 'lax $')", null),
            // PASSING: SQL values, a JSON value, quoted and unquoted names
            ex("SELECT json_query('[1, 5, 10]', 'lax $[*]?(@ > $limit)' PASSING 4 AS \"limit\" WITH ARRAY WRAPPER)",
                    "[5,10]"),
            ex("SELECT json_query('[1, 5, 10]', 'lax $[*]?(@ > $LIMIT)' PASSING 4 AS limit WITH ARRAY WRAPPER)",
                    "[5,10]"),
            ex("SELECT json_value('{\"price\" : 10}', 'strict $.price + $tax' PASSING 3 AS \"tax\")", "13"),
            ex("SELECT json_query('{\"a\" : \"x\", \"b\" : \"y\"}', 'strict $.keyvalue()?(@.name == $KeyName).value' "
                    + "PASSING 'b' AS \"KeyName\")", "\"y\""),
            ex("SELECT json_query('{\"a\" : 1}', 'lax $cfg.limit' PASSING '{\"limit\" : [1, 2]}' FORMAT JSON AS \"cfg\")",
                    "[1,2]"),
            ex("SELECT json_exists('[1]', 'lax $[*]?(@ == $n)' PASSING CAST(NULL AS integer) AS \"n\")", "false"),
            ex("SELECT json_query('[\"abc\", \"xbc\"]', 'lax $[*]?(@ starts with $p)' PASSING 'x' AS \"p\")",
                    "\"xbc\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviours")
    void emptyErrorAndParameters(Example example) {
        assertThat(value(example.sql())).isEqualTo(example.expected());
    }

    static Stream<Example> errors() {
        return Stream.of(
            ex("SELECT json_exists('{\"a\" : 1}', 'strict $.b' ERROR ON ERROR)",
                    "PATH_EVALUATION_ERROR: path evaluation failed: structural error: missing member 'b' in JSON object"),
            ex("SELECT json_exists('[1]', 'strict $.a' ERROR ON ERROR)",
                    "PATH_EVALUATION_ERROR: path evaluation failed: invalid item type. Expected: OBJECT, actual: ARRAY"),
            ex("SELECT json_exists('not json', 'lax $' ERROR ON ERROR)",
                    "JSON_INPUT_CONVERSION_ERROR: conversion to JSON failed:"),
            ex("SELECT json_value('{\"a\" : 1}', 'lax $.b' ERROR ON EMPTY)",
                    "JSON_VALUE_RESULT_ERROR: JSON path found no items"),
            ex("SELECT json_value('[1, 2]', 'lax $[*]' ERROR ON ERROR)",
                    "JSON_VALUE_RESULT_ERROR: JSON path found multiple items"),
            ex("SELECT json_value('[1, 2]', 'lax $' ERROR ON ERROR)",
                    "JSON_VALUE_RESULT_ERROR: JSON path found an item that cannot be converted to an SQL value"),
            ex("SELECT json_value('{\"a\" : \"x\"}', 'lax $.a' RETURNING bigint ERROR ON ERROR)",
                    "JSON_VALUE_RESULT_ERROR: Cannot cast value of type varchar to declared return type of function "
                    + "JSON_VALUE: bigint"),
            ex("SELECT json_value('{\"a\" : 1}', 'strict $.a + \"x\"' ERROR ON ERROR)",
                    "PATH_EVALUATION_ERROR: path evaluation failed: invalid item type. Expected: NUMBER, actual: STRING"),
            ex("SELECT json_value('[1, 2]', 'lax $[*] + 1' ERROR ON ERROR)",
                    "PATH_EVALUATION_ERROR: path evaluation failed: arithmetic binary expression requires singleton "
                    + "operands"),
            ex("SELECT json_query('[1, 2]', 'lax $[*]' ERROR ON ERROR)",
                    "JSON_OUTPUT_CONVERSION_ERROR: JSON path found multiple items"),
            ex("SELECT json_query('{}', 'lax $.a' ERROR ON EMPTY)",
                    "JSON_OUTPUT_CONVERSION_ERROR: JSON path found no items"),
            ex("SELECT json_query('[1]', 'lax $.keyvalue()?(@.name == $KeyName).value' PASSING 'a' AS KeyName)",
                    "INVALID_PATH: line 1:26: no value passed for parameter KeyName"),
            ex("SELECT json_query('[1]', 'lax $.a ==')", "SYNTAX_ERROR: line 1:"),
            ex("SELECT json_query('[1]', '$.a')", "SYNTAX_ERROR: line 1:"),
            ex("SELECT json_query('[\"a\"]', 'lax $[*]?(@ like_regex \"a\")')",
                    "NOT_SUPPORTED: line 1:28: like_regex predicate in JSON path is not yet supported"),
            ex("SELECT json_query('[\"a\"]', 'lax $[0].datetime()')",
                    "NOT_SUPPORTED: line 1:28: datetime method in JSON path is not yet supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void failsAsTrino(Example example) {
        assertThatThrownBy(() -> value(example.sql())).isInstanceOf(EngineFailure.class)
                .hasMessageStartingWith(example.expected());
    }

    /** The docs' examples with UTF-16 and UTF-32 encodings, which athena-local refuses (see SQL-GAPS.md). */
    static Stream<String> refusedEncodings() {
        return Stream.of(
            "SELECT json_array(true, 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF16)",
            "SELECT json_array(true, 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF32)",
            "SELECT json_object('x' : 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF16)",
            "SELECT json_object('x' : 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF32)",
            "SELECT json_array('[  \"text\"  ] ' FORMAT JSON, X'5B0035005D00' FORMAT JSON ENCODING UTF16)",
            "SELECT json_object('x' : '[  \"text\"  ] ' FORMAT JSON, 'y' : X'5B0035005D00' FORMAT JSON ENCODING UTF16)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedEncodings")
    void otherEncodingsThanUtf8AreRefused(String sql) {
        assertThatThrownBy(() -> value(sql)).hasMessageContaining("athena-local does not support")
                .hasMessageContaining("ENCODING UTF");
    }

    @Test
    void jsonTableIsStillRefused() {
        assertThatThrownBy(() -> value("SELECT * FROM JSON_TABLE('[1]', 'lax $' COLUMNS (a integer PATH 'lax $'))"))
                .hasMessageContaining("athena-local does not support");
    }
}
