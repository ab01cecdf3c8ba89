package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplexValuesTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private final TypeConversions conversions = TypeConversions.get();

    private Object read(String type, String text) throws SQLException {
        return conversions.convert("c", TypeSignature.parse(type), text, Object.class, UTC);
    }

    @Test
    void nestedValuesOfAKnownTypeGetTheirElementClasses() throws SQLException {
        Array array = (Array) read("array(row(a integer, b map(varchar, double)))",
                "[{a=1, b={x=1.5, y=-0.0}}, null, {a=2, b={}}]");
        assertThat(array.getBaseType()).isEqualTo(Types.STRUCT);
        assertThat(array.getBaseTypeName()).isEqualTo("row(a integer, b map(varchar, double))");
        Object[] rows = (Object[]) array.getArray();
        assertThat(rows).hasSize(3);
        Struct first = (Struct) rows[0];
        assertThat(first.getAttributes()[0]).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) first.getAttributes()[1];
        assertThat(map).containsEntry("x", 1.5d);
        assertThat(Double.doubleToRawLongBits((Double) map.get("y"))).isEqualTo(Double.doubleToRawLongBits(-0.0d));
        assertThat(rows[1]).isNull();
        assertThat((Map<?, ?>) ((Struct) rows[2]).getAttributes()[1]).isEmpty();
    }

    /** A type map names user-defined types; Athena has none, so the standard mapping applies (JDBC), no refusal. */
    @Test
    void aTypeMapLeavesTheStandardMapping() throws SQLException {
        Map<String, Class<?>> typeMap = Map.of("row(a integer)", Object.class, "address", Object.class);
        Array array = (Array) read("array(row(a integer))", "[{a=1}, {a=2}]");
        assertThat((Object[]) array.getArray(typeMap)).hasSize(2);
        assertThat(((Struct) ((Object[]) array.getArray(1, 1, typeMap))[0]).getAttributes(typeMap)).containsExactly(1);
        try (java.sql.ResultSet elements = array.getResultSet(typeMap)) {
            assertThat(elements.next()).isTrue();
            assertThat(elements.getInt(1)).isEqualTo(1);
        }
        try (java.sql.ResultSet elements = array.getResultSet(2, 1, typeMap)) {
            assertThat(elements.next()).isTrue();
            assertThat(elements.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void namedRowFieldsSurviveCommasInsideStringValues() throws SQLException {
        Struct row = (Struct) read("row(name varchar, d date)", "{name=Smith, John, d=2020-01-02}");
        assertThat(row.getAttributes()).containsExactly("Smith, John", java.sql.Date.valueOf("2020-01-02"));
        assertThat(((AthenaStruct) row).fieldNames()).containsExactly("name", "d");
        Map<?, ?> byName = conversions.convert("c", TypeSignature.parse("row"), "{id=1, name=x}", Map.class, UTC);
        assertThat(new java.util.ArrayList<Object>(byName.keySet())).containsExactly("id", "name");
        assertThat(byName.get("name")).isEqualTo("x");
    }

    @Test
    void elementsOfUnnamedTypeAreReadByTheirShape() throws SQLException {
        Array array = (Array) read("array", "[[1], [2, 3], {k=v}, text]");
        Object[] elements = (Object[]) array.getArray();
        assertThat((Object[]) ((Array) elements[0]).getArray()).containsExactly("1");
        assertThat((Object[]) ((Array) elements[1]).getArray()).containsExactly("2", "3");
        assertThat(elements[2]).isEqualTo(Map.of("k", "v"));
        assertThat(elements[3]).isEqualTo("text");
        assertThat(array.getBaseTypeName()).isEqualTo("unknown");
    }

    @Test
    void aCountPastTheEndOfTheArrayMeansTheRestOfIt() throws SQLException {
        Array array = (Array) read("array(integer)", "[1, 2, 3]");
        // Integer.MAX_VALUE as "all the rest": index + count must not overflow into an empty or failing slice.
        assertThat((Object[]) array.getArray(2, Integer.MAX_VALUE)).containsExactly(2, 3);
        try (ResultSet rs = array.getResultSet(2, Integer.MAX_VALUE)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("INDEX")).isEqualTo(2);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("VALUE")).isEqualTo(3);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void arrayResultSetHasIndexAndValueWithTheElementTypesGetters() throws SQLException {
        Array array = (Array) read("array(date)", "[2020-01-01, null, 2021-12-31]");
        try (ResultSet rs = array.getResultSet(2, 2)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("INDEX")).isEqualTo(2);
            assertThat(rs.getObject("VALUE")).isNull();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2021, 12, 31));
            assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(Types.DATE);
            assertThat(rs.next()).isFalse();
        }
        assertThat((Object[]) array.getArray(1, 1)).containsExactly(java.sql.Date.valueOf("2020-01-01"));
        array.free();
        assertThatThrownBy(array::getArray).isInstanceOf(SQLException.class);
    }

    @Test
    void jsonColumnsAreTheExactPathForAmbiguousText() throws SQLException {
        TypeSignature json = TypeSignature.parse("json");
        Array array = conversions.convert("c", json, "[\"a, b\", \"x=y\", null, 1, 2.5, {\"k\":[true]}]", Array.class, UTC);
        Object[] elements = (Object[]) array.getArray();
        assertThat(elements[0]).isEqualTo("a, b");
        assertThat(elements[1]).isEqualTo("x=y");
        assertThat(elements[2]).isNull();
        assertThat(elements[3]).isEqualTo(1L);
        assertThat(elements[4]).isEqualTo(new BigDecimal("2.5"));
        assertThat(((Map<?, ?>) elements[5]).get("k")).isInstanceOf(Array.class);
        Map<?, ?> map = conversions.convert("c", json, "{\"a=b\":\"c, d\"}", Map.class, UTC);
        assertThat(map.get("a=b")).isEqualTo("c, d");
        List<?> list = conversions.convert("c", json, "[1]", List.class, UTC);
        assertThat(list.get(0)).isEqualTo(1L);
        assertThat(conversions.convert("c", json, "[1]", Object.class, UTC)).isEqualTo("[1]");
        assertThatThrownBy(() -> conversions.convert("c", json, "{\"a\":1}", Array.class, UTC))
                .isInstanceOf(SQLException.class).hasMessageContaining("not an array");
        // Empty text is no JSON value: the parser answers nothing, which used to escape as a NullPointerException.
        for (String empty : new String[] {"", " "}) {
            assertThatThrownBy(() -> conversions.convert("c", json, empty, Array.class, UTC))
                    .isInstanceOf(SQLException.class).hasMessageContaining("not valid JSON")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
        }
    }

    @Test
    void varbinaryInsideContainersIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> read("array(varbinary)", "[[B@2545d692]"))
                .isInstanceOf(SQLException.class).hasMessageContaining("to_hex");
    }

    @Test
    void negativeZeroAndNonFiniteDoublesKeepTheirValue() throws SQLException {
        Object negativeZero = read("double", "-0.0");
        assertThat(Double.doubleToRawLongBits((Double) negativeZero)).isEqualTo(Double.doubleToRawLongBits(-0.0d));
        assertThat(read("double", "NaN")).isEqualTo(Double.NaN);
        assertThat(read("double", "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        Object floatZero = read("real", "-0.0");
        assertThat(Float.floatToRawIntBits((Float) floatZero)).isEqualTo(Float.floatToRawIntBits(-0.0f));
    }

    /** MAP(ARRAY[''], ARRAY[1]) renders as {=1}: an empty key, not a malformed entry. */
    @Test
    void aMapKeyMayBeEmpty() throws SQLException {
        Map<?, ?> map = (Map<?, ?>) read("map(varchar, integer)", "{=1, a=2}");
        assertThat(new java.util.ArrayList<Object>(map.keySet())).containsExactly("", "a");
        assertThat(map.get("")).isEqualTo(1);
        assertThat(map.get("a")).isEqualTo(2);
    }

    @Test
    void varbinaryElementsInHexAreTheirBytes() throws SQLException {
        Object[] elements = (Object[]) ((Array) read("array(varbinary)", "[61 62]")).getArray();
        assertThat((byte[]) elements[0]).containsExactly('a', 'b');
    }

    /** Read by shape, braces holding an item without '=' are a row, though another item looks like an entry. */
    @Test
    void bracesWithAnyItemThatIsNoEntryAreARow() throws SQLException {
        Object[] elements = (Object[]) ((Array) read("array", "[{1, a=2}]")).getArray();
        assertThat(((Struct) elements[0]).getAttributes()).containsExactly("1", "a=2");
    }

    @Test
    void jsonBooleansAndTheTextOfEachJsonElement() throws SQLException {
        Array array = conversions.convert("c", TypeSignature.parse("json"), "[\"a\", 1, true, false, null]", Array.class,
                UTC);
        assertThat((Object[]) array.getArray()).containsExactly("a", 1L, true, false, null);
        ResultSet values = array.getResultSet();
        for (String text : new String[] {"a", "1", "true", "false", null}) {
            assertThat(values.next()).isTrue();
            assertThat(values.getString("VALUE")).isEqualTo(text);
        }
    }
}
