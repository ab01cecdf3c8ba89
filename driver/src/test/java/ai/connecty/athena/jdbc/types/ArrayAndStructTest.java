package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Types;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * java.sql.Array and Struct as createArrayOf and createStruct make them and as a result's values read: freed
 * arrays, the ranges of getArray and getResultSet, the refusals of a type that is none, and unnamed row fields.
 */
class ArrayAndStructTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static void refused(ThrowingCallable call, String sqlState) {
        assertThatThrownBy(call).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
    }

    private static int rows(ResultSet resultSet) throws SQLException {
        int rows = 0;
        while (resultSet.next()) {
            rows++;
        }
        return rows;
    }

    @Test
    void createArrayOfKeepsTheElementsAndNamesTheirType() throws SQLException {
        Integer[] given = {1, null, 3};
        AthenaArray array = AthenaArray.of(" integer ", given);
        given[0] = 9; // the array keeps its own copy
        assertThat(array.elementType().typeName()).isEqualTo("integer");
        assertThat(array.getBaseTypeName()).isEqualTo("integer");
        assertThat(array.getBaseType()).isEqualTo(Types.INTEGER);
        assertThat((Object[]) array.getArray()).isInstanceOf(Integer[].class).containsExactly(1, null, 3);
        assertThat(array).hasToString("[1, null, 3]");
        ResultSet resultSet = array.getResultSet();
        assertThat(resultSet.next()).isTrue();
        assertThat(resultSet.getInt(1)).isEqualTo(1);
        assertThat(resultSet.getString(2)).isEqualTo("1");
        assertThat(resultSet.next()).isTrue();
        assertThat(resultSet.getString(2)).isNull();
        assertThat(resultSet.next()).isTrue();
        assertThat(resultSet.next()).isFalse();
        refused(() -> AthenaArray.of(null, new Object[0]), "HY024");
        refused(() -> AthenaArray.of("integer", null), "HY024");
        refused(() -> AthenaArray.of("array", new Object[0]), "HY024");
    }

    /** JDBC: a freed Array's methods throw; here 55000, the object no longer being in a state to answer. */
    @Test
    void aFreedArrayAnswersNothing() throws SQLException {
        Array array = AthenaArray.of("varchar", new Object[] {"a", "b"});
        array.free();
        Map<String, Class<?>> map = Map.of();
        for (ThrowingCallable call : List.<ThrowingCallable>of(array::getBaseTypeName, array::getBaseType,
                array::getArray, () -> array.getArray(map), () -> array.getArray(1, 1), () -> array.getArray(1, 1, map),
                array::getResultSet, () -> array.getResultSet(map), () -> array.getResultSet(1, 1),
                () -> array.getResultSet(1, 1, map))) {
            refused(call, "55000");
        }
    }

    @Test
    void rangesOfGetArrayAndGetResultSet() throws SQLException {
        Array array = AthenaArray.of("varchar", new Object[] {"a", "b", "c"});
        assertThat((Object[]) array.getArray(2, 1)).containsExactly("b");
        assertThat((Object[]) array.getArray(1, 0)).isEmpty();
        assertThat((Object[]) array.getArray(4, 1)).as("just past the end: nothing").isEmpty();
        ResultSet one = array.getResultSet(2, 1);
        assertThat(one.next()).isTrue();
        assertThat(one.getInt("INDEX")).isEqualTo(2);
        assertThat(one.getString("VALUE")).isEqualTo("b");
        assertThat(one.next()).isFalse();
        assertThat(rows(array.getResultSet(1, 1))).isEqualTo(1);
        assertThat(rows(array.getResultSet(1, 0))).isZero();
        assertThat(rows(array.getResultSet(4, 1))).isZero();
        for (long index : new long[] {0, -1, 5}) {
            refused(() -> array.getArray(index, 1), "HY024");
            refused(() -> array.getResultSet(index, 1), "HY024");
        }
        refused(() -> array.getArray(1, -1), "HY024");
        refused(() -> array.getResultSet(1, -1), "HY024");
    }

    @Test
    void createStructTakesOneAttributePerFieldOfARowType() throws SQLException {
        Object[] given = {7L, "x"};
        AthenaStruct struct = AthenaStruct.of("row(id bigint, name varchar)", given);
        given[0] = 8L;
        assertThat(struct.getSQLTypeName()).isEqualTo("row(id bigint, name varchar)");
        assertThat(struct.getAttributes()).containsExactly(7L, "x");
        assertThat(struct.fieldNames()).containsExactly("id", "name");
        assertThat(struct.asMap()).containsExactly(Map.entry("id", 7L), Map.entry("name", "x"));
        assertThat(struct).hasToString("row(id bigint, name varchar)[7, x]");
        assertThatThrownBy(() -> AthenaStruct.of("row(id bigint, name varchar)", new Object[] {1L}))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("1 attribute for the 2 fields of row(id bigint, name varchar)");
        assertThatThrownBy(() -> AthenaStruct.of("row(id bigint)", new Object[] {1L, 2L}))
                .hasMessageContaining("2 attributes for the 1 field of row(id bigint)");
        assertThatThrownBy(() -> AthenaStruct.of("row(id bigint)", null)).hasMessageContaining("no attributes (null)");
        refused(() -> AthenaStruct.of("row(id bigint)", null), "HY024");
        refused(() -> AthenaStruct.of("integer", new Object[] {1}), "HY024");
        refused(() -> AthenaStruct.of("row", new Object[] {1}), "HY024");
        refused(() -> AthenaStruct.of(null, new Object[] {1}), "HY024");
    }

    /** A field Athena gives no name is keyed by its position from 1 in getObject(i, Map.class). */
    @Test
    void unnamedRowFieldsAreKeyedByPosition() throws SQLException {
        Struct struct = TypeConversions.get().convert("c", TypeSignature.parse("row(integer, varchar)"), "{1, x}",
                Struct.class, UTC);
        assertThat(((AthenaStruct) struct).asMap()).containsExactly(Map.entry("1", 1), Map.entry("2", "x"));
    }
}
