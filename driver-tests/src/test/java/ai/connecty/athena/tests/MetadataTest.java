package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DatabaseMetaData over Glue (AwsDataCatalog) and over Athena's ListTableMetadata (the HIVE catalog lakehouse). */
@ExtendWith(LocalAthenaExtension.class)
class MetadataTest {

    private static LocalAthena athena;

    @RegisterExtension
    static final Connections.PerClass shared = Connections.connectyUserPerClass(() -> athena);

    private static DatabaseMetaData metaData;

    @BeforeAll
    static void readMetaData() throws SQLException {
        metaData = shared.get().getMetaData();
    }

    @Test
    void catalogsAreTheDataCatalogs() throws SQLException {
        try (ResultSet rs = metaData.getCatalogs()) {
            assertThat(strings(rs, "TABLE_CAT")).containsExactly("AwsDataCatalog", "lakehouse");
        }
    }

    @Test
    void schemasOfBothCatalogs() throws SQLException {
        try (ResultSet rs = metaData.getSchemas("AwsDataCatalog", null)) {
            assertThat(strings(rs, "TABLE_SCHEM")).contains("default", "demo");
        }
        try (ResultSet rs = metaData.getSchemas("lakehouse", "%")) {
            assertThat(strings(rs, "TABLE_SCHEM")).containsExactly("lake");
        }
    }

    /**
     * Athena resolves catalog names whatever their case; once getCatalogs has listed them, the rows name the catalog
     * as listed, so that a tool joining the two listings by name finds it.
     */
    @Test
    void aCatalogNamedInAnotherCaseIsReportedAsListed() throws SQLException {
        try (ResultSet rs = metaData.getCatalogs()) {
            assertThat(strings(rs, "TABLE_CAT")).contains("lakehouse", "AwsDataCatalog");
        }
        try (ResultSet rs = metaData.getSchemas("LAKEHOUSE", "%")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("TABLE_CATALOG")).isEqualTo("lakehouse");
            assertThat(rs.getString("TABLE_SCHEM")).isEqualTo("lake");
        }
        try (ResultSet rs = metaData.getTables("awsdatacatalog", "demo", "customers", null)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("TABLE_CAT")).isEqualTo("AwsDataCatalog");
        }
        try (ResultSet rs = metaData.getColumns("AWSDATACATALOG", "demo", "customers", "%")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("TABLE_CAT")).isEqualTo("AwsDataCatalog");
        }
        try (ResultSet rs = metaData.getSchemas("AwsDataCatalog", null)) {
            assertThat(strings(rs, "TABLE_SCHEM")).contains("demo");
        }
        try (ResultSet rs = metaData.getTables("AwsDataCatalog", "DEMO", "customers", null)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("TABLE_SCHEM")).isEqualTo("demo");
        }
    }

    @Test
    void tablesAndViewsOfDemoThroughGlue() throws SQLException {
        athena.requestLog().clear();
        try (ResultSet rs = metaData.getTables("AwsDataCatalog", "demo", "%", null)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getString("TABLE_CAT")).isEqualTo("AwsDataCatalog");
                assertThat(rs.getString("TABLE_SCHEM")).isEqualTo("demo");
                rows.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
            }
            assertThat(rows).containsExactly("all_types:TABLE", "customers:TABLE", "events:TABLE", "numbers:TABLE",
                    "sales:TABLE", "sales_by_customer:VIEW");
        }
        assertThat(athena.requestLog().count("glue", "GetTables")).isGreaterThanOrEqualTo(1);
        assertThat(athena.requestLog().count("athena", "ListTableMetadata")).isZero();

        try (ResultSet rs = metaData.getTables("AwsDataCatalog", "demo", "%", new String[] {"VIEW"})) {
            assertThat(strings(rs, "TABLE_NAME")).containsExactly("sales_by_customer");
        }
        try (ResultSet rs = metaData.getTables("AwsDataCatalog", "demo", "sales\\_%", null)) {
            assertThat(strings(rs, "TABLE_NAME")).containsExactly("sales_by_customer");
        }
    }

    @Test
    void columnsOfAPartitionedTableListPartitionKeysLast() throws SQLException {
        try (ResultSet rs = metaData.getColumns("AwsDataCatalog", "demo", "sales", "%")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME"));
                assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(names.size());
                switch (rs.getString("COLUMN_NAME")) {
                    case "sale_id" -> assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.BIGINT);
                    case "product" -> {
                        assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
                        assertThat(rs.getString("TYPE_NAME")).isEqualTo("varchar");
                    }
                    case "amount" -> {
                        assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
                        assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(10);
                        assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
                    }
                    case "sold_at" -> assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.TIMESTAMP);
                    default -> assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.INTEGER);
                }
            }
            assertThat(names).containsExactly("sale_id", "customer_id", "product", "quantity", "amount", "sold_at",
                    "year", "month");
        }
    }

    @Test
    void columnsOfNestedTypes() throws SQLException {
        try (ResultSet rs = metaData.getColumns("AwsDataCatalog", "demo", "events", "%")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
            }
            assertThat(rows).containsExactly("event_id:" + Types.BIGINT, "event_type:" + Types.VARCHAR,
                    "tags:" + Types.ARRAY, "counters:" + Types.JAVA_OBJECT, "context:" + Types.STRUCT);
        }
    }

    @Test
    void lakehouseCatalogIsBrowsedThroughAthenaNotGlue() throws SQLException {
        athena.requestLog().clear();
        try (ResultSet rs = metaData.getTables("lakehouse", "lake", "%", null)) {
            assertThat(strings(rs, "TABLE_NAME")).containsExactly("orders", "products");
        }
        try (ResultSet rs = metaData.getColumns("lakehouse", "lake", "orders", "%")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
            }
            assertThat(rows).containsExactly("1:order_id:" + Types.BIGINT, "2:customer_id:" + Types.INTEGER,
                    "3:total:" + Types.DOUBLE, "4:status:" + Types.VARCHAR);
        }
        assertThat(athena.requestLog().count("athena", "ListTableMetadata")).isGreaterThanOrEqualTo(1);
        assertThat(athena.requestLog().entries()).noneMatch(e -> e.service().equals("glue"));
        assertThat(athena.requestLog().denied()).isEmpty();
    }

    /**
     * SEARCHABLE says which WHERE clauses a type can be used in: typeSearchable includes LIKE, which Athena applies
     * to character types only ({@code 12 LIKE '1%'} is a TYPE_MISMATCH), so every other comparable type is
     * typePredBasic.
     */
    @Test
    void typeInfoSearchableClaimsLikeOnlyForCharacterTypes() throws SQLException {
        Map<String, Integer> searchable = new HashMap<>();
        try (ResultSet rs = metaData.getTypeInfo()) {
            while (rs.next()) {
                searchable.put(rs.getString("TYPE_NAME"), (int) rs.getShort("SEARCHABLE"));
            }
        }
        assertThat(searchable).containsEntry("varchar", DatabaseMetaData.typeSearchable)
                .containsEntry("char", DatabaseMetaData.typeSearchable);
        for (String type : List.of("tinyint", "smallint", "integer", "bigint", "float", "double", "decimal", "boolean",
                "varbinary", "date", "time", "timestamp", "timestamp with time zone", "uuid", "ipaddress")) {
            assertThat(searchable).as(type).containsEntry(type, DatabaseMetaData.typePredBasic);
        }
        try (Statement statement = shared.get().createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 WHERE CAST('ab' AS char(2)) LIKE 'a%'")) {
                assertThat(rs.next()).isTrue();
            }
            for (String value : List.of("12", "DATE '2024-01-01'", "true", "X'01'")) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT 1 WHERE " + value + " LIKE '1%'"))
                        .as(value).isInstanceOf(SQLException.class).hasMessageContaining("TYPE_MISMATCH");
                try (ResultSet rs = statement.executeQuery("SELECT 1 WHERE " + value + " = " + value)) {
                    assertThat(rs.next()).as(value).isTrue();
                }
            }
        }
    }

    /**
     * getSQLKeywords lists the keywords that are not SQL:2003 keywords, which a tool knows already. Athena (Trino)
     * reserves some words SQL:2003 does not: a tool that quotes only keywords would leave a column named
     * {@code skip} bare and Athena would reject the query.
     */
    @Test
    void sqlKeywordsNameAthenasReservedWordsThatSql2003DoesNotReserve() throws SQLException {
        List<String> keywords = List.of(metaData.getSQLKeywords().split(","));
        try (Statement statement = shared.get().createStatement()) {
            for (String word : List.of("CURRENT_CATALOG", "CURRENT_SCHEMA", "JSON_ARRAY", "JSON_EXISTS", "JSON_OBJECT",
                    "JSON_QUERY", "JSON_TABLE", "JSON_VALUE", "LISTAGG", "SKIP")) {
                String name = word.toLowerCase(Locale.ROOT);
                assertThatThrownBy(() -> statement.executeQuery("SELECT 1 AS " + name)).as(word)
                        .isInstanceOf(SQLException.class).hasMessageContaining("mismatched input '" + name + "'");
                try (ResultSet rs = statement.executeQuery("SELECT 1 AS \"" + name + "\"")) {
                    assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo(name);
                }
                assertThat(keywords).as(word).contains(word);
            }
        }
        // The javadoc asks for the keywords that are not also SQL:2003 keywords.
        assertThat(keywords).doesNotContain("ARRAY", "DESCRIBE", "LATERAL", "ROW", "TABLESAMPLE", "UNNEST");
    }

    /** One {@code {fn ...}} call: the function's name, a select expression calling it, and the value it must give. */
    private record Escape(String name, String expression, Object expected) {
    }

    private static Escape fn(String call, Object expected) {
        return new Escape(call.substring(0, call.indexOf('(')).trim(), "{fn " + call + "}", expected);
    }

    /** A call whose value is checked through more SQL around it (clocks, random numbers, arrays). */
    private static Escape fn(String name, String expression, Object expected) {
        return new Escape(name, expression, expected);
    }

    /**
     * The function lists name what a JDBC {@code {fn ...}} escape can call: the Open Group names JDBC's appendix C
     * defines (translated where Athena's namesake differs or is missing: ucase, ifnull, locate, insert, cot...) and
     * Athena's own functions, which the escape passes through. Every name of every list runs through the escape and
     * gives the value the Open Group definition (or Athena's, for its own functions) says.
     */
    @Test
    void functionListsNameWhatTheFnEscapeRuns() throws SQLException {
        double pi = Math.PI;
        List<Escape> numeric = List.of(fn("abs(-3)", "3"), fn("acos(0)", pi / 2), fn("asin(1)", pi / 2),
                fn("atan(1)", pi / 4), fn("atan2(1, 1)", pi / 4), fn("cbrt(27)", 3.0), fn("ceiling(1.2)", 2.0),
                fn("cos(0)", 1.0), fn("cosh(0)", 1.0), fn("cot(1)", 1 / Math.tan(1)), fn("degrees(pi())", 180.0),
                fn("exp(1)", Math.E), fn("floor(-1.5)", -2.0), fn("ln(exp(1))", 1.0), fn("log(exp(2))", 2.0),
                fn("log10(1000)", 3.0), fn("log2(8)", 3.0), fn("mod(-7, 3)", "-1"), fn("pi()", pi),
                fn("power(2, 10)", 1024.0), fn("radians(180)", pi),
                fn("rand", "{fn rand()} >= 0 AND {fn rand()} < 1", "true"), fn("round(2.567, 2)", 2.57),
                fn("sign(-2)", "-1"), fn("sin(pi() / 2)", 1.0), fn("sqrt(16)", 4.0), fn("tan(atan(2))", 2.0),
                fn("tanh(1)", Math.tanh(1)), fn("truncate(DECIMAL '1.57', 1)", 1.5));
        List<Escape> string = List.of(fn("ascii('ab')", "97"), fn("char(65)", "A"), fn("char_length('ab ')", "3"),
                fn("character_length('h\u00e9llo')", "5"), fn("concat('a', 'b')", "ab"),
                // SOUNDEX characters matching in place: G650/G650, L000/L300, R163/R150, R163/R200, R163/L000;
                // NULL stays NULL, and text without letters (soundex '') matches nothing.
                fn("difference", "array_join(ARRAY[{fn difference('Green', 'Greene')}, {fn difference('Lee', 'Lloyd')}, "
                        + "{fn difference('Robert', 'Rubin')}, {fn difference('Robert', 'Rose')}, "
                        + "{fn difference('Robert', 'Lee')}, {fn difference(NULL, 'a')}, {fn difference('123', 'abc')}], "
                        + "',', 'null')", "4,3,2,1,0,null,0"),
                fn("insert('abcdef', 2, 3, 'XY')", "aXYef"), fn("lcase('AbC')", "abc"), fn("left('abc', 2)", "ab"),
                fn("length('ab  ')", "2"), fn("locate('b', 'abcb', 3)", "4"), fn("lower('A')", "a"),
                fn("lpad('a', 3, 'x')", "xxa"), fn("ltrim('  a ')", "a "), fn("octet_length('h\u00e9')", "3"),
                fn("position('b' IN 'abc')", "2"), fn("repeat('ab', 3)", "ababab"),
                fn("replace('abab', 'b', 'c')", "acac"), fn("reverse('abc')", "cba"), fn("right('abc', 2)", "bc"),
                fn("rpad('a', 3, 'x')", "axx"), fn("rtrim(' a  ')", " a"), fn("soundex('Robert')", "R163"),
                fn("space", "'<' || {fn space(3)} || '>'", "<   >"), fn("split", "{fn split('a,b', ',')}[2]", "b"),
                fn("strpos('abc', 'c')", "3"), fn("substr('abcd', 2, 2)", "bc"), fn("substring('abcd', 3)", "cd"),
                fn("trim('  a  ')", "a"), fn("ucase('aB')", "AB"), fn("upper('a')", "A"));
        List<Escape> timeDate = List.of(fn("curdate", "{fn curdate()} = current_date", "true"),
                fn("current_date", "{fn current_date()} = current_date", "true"),
                fn("current_time", "{fn current_time()} = current_time", "true"),
                fn("current_timestamp", "{fn current_timestamp()} = current_timestamp", "true"),
                fn("curtime", "{fn curtime()} = current_time", "true"),
                fn("date_add('day', 1, DATE '2024-01-31')", "2024-02-01"),
                fn("date_diff('day', DATE '2024-01-01', DATE '2024-03-01')", "60"),
                fn("date_format(TIMESTAMP '2024-03-05 06:07:08', '%Y-%m-%d %H:%i')", "2024-03-05 06:07"),
                fn("date_parse", "CAST({fn date_parse('2024-03-05', '%Y-%m-%d')} AS varchar)",
                        "2024-03-05 00:00:00.000"),
                fn("date_trunc('month', DATE '2024-01-05')", "2024-01-01"), fn("day(DATE '2024-03-05')", "5"),
                fn("day_of_week(DATE '2024-01-07')", "7"), fn("day_of_year(DATE '2024-02-01')", "32"),
                fn("dayname(DATE '2024-01-07')", "Sunday"), fn("dayofmonth(DATE '2024-03-05')", "5"),
                fn("dayofweek(DATE '2024-01-07')", "1"), fn("dayofyear(DATE '2024-12-31')", "366"),
                fn("extract(YEAR FROM DATE '2024-01-01')", "2024"),
                fn("from_unixtime", "to_unixtime({fn from_unixtime(86400)})", 86400.0),
                fn("hour(TIMESTAMP '2024-01-01 10:11:12')", "10"), fn("minute(TIMESTAMP '2024-01-01 10:11:12')", "11"),
                fn("month(DATE '2024-03-05')", "3"), fn("monthname(DATE '2024-03-05')", "March"),
                fn("now", "{fn now()} = current_timestamp", "true"), fn("quarter(DATE '2024-08-01')", "3"),
                fn("second(TIMESTAMP '2024-01-01 10:11:12')", "12"),
                fn("timestampadd(SQL_TSI_MONTH, 1, DATE '2024-01-31')", "2024-02-29"),
                fn("timestampdiff(SQL_TSI_DAY, DATE '2024-01-01', DATE '2024-03-01')", "60"),
                fn("to_unixtime(TIMESTAMP '1970-01-02 00:00:00')", 86400.0), fn("week(DATE '2024-01-01')", "1"),
                fn("year(DATE '2024-03-05')", "2024"));
        List<Escape> system = List.of(fn("database", "{fn database()} = current_schema", "true"),
                fn("ifnull(NULL, 'x')", "x"), fn("user", "{fn user()} = current_user", "true"));
        assertThat(List.of(metaData.getNumericFunctions().split(","))).containsExactlyElementsOf(names(numeric));
        assertThat(List.of(metaData.getStringFunctions().split(","))).containsExactlyElementsOf(names(string));
        assertThat(List.of(metaData.getTimeDateFunctions().split(","))).containsExactlyElementsOf(names(timeDate));
        assertThat(List.of(metaData.getSystemFunctions().split(","))).containsExactlyElementsOf(names(system));
        List<String> wrong = new ArrayList<>();
        try (Statement statement = shared.get().createStatement()) {
            for (List<Escape> escapes : List.of(numeric, string, timeDate, system)) {
                for (Escape escape : escapes) {
                    String sql = "SELECT " + escape.expression();
                    try (ResultSet rs = statement.executeQuery(sql)) {
                        assertThat(rs.next()).as(sql).isTrue();
                        if (escape.expected() instanceof Double expected) {
                            double value = rs.getDouble(1);
                            if (rs.wasNull() || Math.abs(value - expected) > 1e-12 * Math.max(1, Math.abs(expected))) {
                                wrong.add(sql + " gave " + value + ", not " + expected);
                            }
                        } else if (!escape.expected().equals(rs.getString(1))) {
                            wrong.add(sql + " gave " + rs.getString(1) + ", not " + escape.expected());
                        }
                    } catch (SQLException e) {
                        wrong.add(sql + " failed: " + e.getMessage());
                    }
                }
            }
            assertThat(wrong).isEmpty();
            // {fn difference(?, ?)} keeps one placeholder per argument, in order: the values bind where written.
            try (PreparedStatement difference = shared.get().prepareStatement(
                    "SELECT {fn difference(?, ?)}, {fn difference(?, 'Lloyd')}")) {
                difference.setString(1, "Robert");
                difference.setString(2, "Rose");
                difference.setString(3, "Lee");
                try (ResultSet rs = difference.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                    assertThat(rs.getInt(2)).isEqualTo(3);
                    assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.INTEGER);
                }
            }
            // Athena has truncate(decimal(p,s), integer) only, and types a bare 1.57 as a double: Trino's refusal.
            assertThatThrownBy(() -> statement.executeQuery("SELECT {fn truncate(1.57, 1)}"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters (double, integer) for "
                            + "function truncate. Expected: truncate(decimal(p,s)), truncate(decimal(p,s), integer), "
                            + "truncate(double), truncate(real)");
        }
    }

    /** The names of {@code escapes}, in the order a function list gives them (alphabetical). */
    private static List<String> names(List<Escape> escapes) {
        return escapes.stream().map(Escape::name).sorted().toList();
    }

    /**
     * supportsConvert(from, to) says true exactly for the pairs whose {@code {fn convert}} Athena runs: every such
     * pair runs here on a value of the source type and gives a column of the target's Athena type, and a few pairs
     * Athena cannot cast are refused.
     */
    @Test
    void supportsConvertNamesTheCastsTheConvertEscapeRuns() throws SQLException {
        assertThat(metaData.supportsConvert()).isTrue();
        Map<Integer, String> sources = new TreeMap<>();
        sources.put(Types.TINYINT, "TINYINT '1'");
        sources.put(Types.SMALLINT, "SMALLINT '1'");
        sources.put(Types.INTEGER, "1");
        sources.put(Types.BIGINT, "BIGINT '1'");
        sources.put(Types.REAL, "REAL '1.5'");
        sources.put(Types.DOUBLE, "1.5E0");
        sources.put(Types.DECIMAL, "DECIMAL '1.5'");
        sources.put(Types.BOOLEAN, "true");
        sources.put(Types.VARCHAR, null); // text that suits the target, below
        sources.put(Types.VARBINARY, "X'01'");
        sources.put(Types.DATE, "DATE '2024-01-02'");
        sources.put(Types.TIME, "TIME '10:11:12'");
        sources.put(Types.TIMESTAMP, "TIMESTAMP '2024-01-02 10:11:12'");
        sources.put(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP '2024-01-02 10:11:12 UTC'");
        Map<Integer, String> texts = Map.of(Types.DATE, "'2024-01-02'", Types.TIME, "'10:11:12'", Types.TIMESTAMP,
                "'2024-01-02 10:11:12'", Types.BOOLEAN, "'true'", Types.TIMESTAMP_WITH_TIMEZONE, "'2024-01-02 10:11:12 UTC'", Types.TIME_WITH_TIMEZONE,
                "'10:11:12+01:00'");
        int[] targets = {Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                Types.DECIMAL, Types.NUMERIC, Types.BIT, Types.BOOLEAN, Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR,
                Types.VARBINARY, Types.DATE, Types.TIME, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE};
        List<String> calls = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (Map.Entry<Integer, String> source : sources.entrySet()) {
            for (int target : targets) {
                if (metaData.supportsConvert(source.getKey(), target)) {
                    String value = source.getValue() != null ? source.getValue() : texts.getOrDefault(target, "'1'");
                    calls.add("{fn convert(" + value + ", SQL_" + java.sql.JDBCType.valueOf(target).getName() + ")}");
                    expected.add(target);
                }
            }
        }
        assertThat(calls).hasSizeGreaterThan(100);
        try (Statement statement = shared.get().createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", calls))) {
            assertThat(rs.next()).isTrue();
            for (int i = 0; i < calls.size(); i++) {
                assertThat(rs.getString(i + 1)).as(calls.get(i)).isNotNull();
                assertThat(rs.getMetaData().getColumnType(i + 1)).as(calls.get(i)).isEqualTo(athenaTypeOf(expected.get(i)));
            }
        }
        assertThat(metaData.supportsConvert(Types.VARBINARY, Types.VARCHAR)).as("varbinary to varchar: from_utf8").isFalse();
        assertThat(metaData.supportsConvert(Types.DATE, Types.INTEGER)).isFalse();
        assertThat(metaData.supportsConvert(Types.INTEGER, Types.DATE)).isFalse();
        assertThat(metaData.supportsConvert(Types.VARCHAR, Types.ARRAY)).isFalse();
        assertThat(metaData.supportsConvert(Types.TIME, Types.DATE)).isFalse();
    }

    /** The JDBC type of the column a CAST to the Athena type that {@code jdbcType} converts to gives. */
    private static int athenaTypeOf(int jdbcType) {
        switch (jdbcType) {
            case Types.FLOAT:
                return Types.DOUBLE;
            case Types.NUMERIC:
                return Types.DECIMAL;
            case Types.BIT:
                return Types.BOOLEAN;
            case Types.CHAR:
            case Types.LONGVARCHAR:
                return Types.VARCHAR;
            default:
                return jdbcType;
        }
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getString(column));
        }
        return values;
    }
}
