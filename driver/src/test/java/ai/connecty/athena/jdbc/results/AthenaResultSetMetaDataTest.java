package ai.connecty.athena.jdbc.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.connecty.athena.jdbc.types.TypeSignature;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The answers ResultSetMetaData gives that are the same for every Athena column, the ones taken from ColumnSpec, and
 * the column index every one of them checks.
 */
class AthenaResultSetMetaDataTest {
    /** Built in each test, not in a static initializer: PIT does not count what a class initializer covers. */
    private static List<ColumnSpec> columns() {
        return List.of(
                new ColumnSpec("id", "label_of_id", "integer", 10, 0, false, ResultSetMetaData.columnNoNulls),
                new ColumnSpec("name", null, "varchar", 0, 0, true, ResultSetMetaData.columnNullable),
                new ColumnSpec("tags", "tags", TypeSignature.parse("array(varchar)"), ResultSetMetaData.columnNullableUnknown));
    }

    @FunctionalInterface
    private interface Answer {
        Object of(int column) throws SQLException;
    }

    @Test
    void answersPerColumn() throws SQLException {
        ResultSetMetaData md = new AthenaResultSetMetaData(columns());
        assertThat(md.getColumnCount()).isEqualTo(3);
        assertThat(md.getColumnLabel(1)).isEqualTo("label_of_id");
        assertThat(md.getColumnName(1)).isEqualTo("id");
        // A null label is the name.
        assertThat(md.getColumnLabel(2)).isEqualTo("name");
        assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
        assertThat(md.isNullable(2)).isEqualTo(ResultSetMetaData.columnNullable);
        assertThat(md.isNullable(3)).isEqualTo(ResultSetMetaData.columnNullableUnknown);
        assertThat(md.isCaseSensitive(1)).isFalse();
        assertThat(md.isCaseSensitive(2)).isTrue();
        assertThat(md.isSigned(1)).isTrue();
        assertThat(md.isSigned(2)).isFalse();
        assertThat(md.getColumnType(3)).isEqualTo(Types.ARRAY);
        assertThat(md.getColumnTypeName(3)).isEqualTo("array(varchar)");
        assertThat(md.getPrecision(1)).isEqualTo(10);
        assertThat(md.getScale(1)).isZero();
        assertThat(md.getColumnDisplaySize(1)).isEqualTo(11);
        assertThat(md.getColumnClassName(1)).isEqualTo(Integer.class.getName());
    }

    @Test
    void whatEveryColumnHasInCommon() throws SQLException {
        ResultSetMetaData md = new AthenaResultSetMetaData(columns());
        for (int column = 1; column <= 3; column++) {
            assertThat(md.isAutoIncrement(column)).isFalse();
            assertThat(md.isSearchable(column)).isTrue();
            assertThat(md.isCurrency(column)).isFalse();
            assertThat(md.isReadOnly(column)).isTrue();
            assertThat(md.isWritable(column)).isFalse();
            assertThat(md.isDefinitelyWritable(column)).isFalse();
            assertThat(md.getSchemaName(column)).isEmpty();
            assertThat(md.getTableName(column)).isEmpty();
            assertThat(md.getCatalogName(column)).isEmpty();
        }
    }

    @Test
    void everyAnswerRefusesAColumnOutsideTheResultWith07009() {
        ResultSetMetaData md = new AthenaResultSetMetaData(columns());
        List<Answer> answers = List.of(md::isAutoIncrement, md::isCaseSensitive, md::isSearchable, md::isCurrency,
                md::isNullable, md::isSigned, md::getColumnDisplaySize, md::getColumnLabel, md::getColumnName,
                md::getSchemaName, md::getPrecision, md::getScale, md::getTableName, md::getCatalogName,
                md::getColumnType, md::getColumnTypeName, md::isReadOnly, md::isWritable, md::isDefinitelyWritable,
                md::getColumnClassName);
        for (int column : new int[] {0, 4}) {
            for (Answer answer : answers) {
                assertThatThrownBy(() -> answer.of(column)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("Column index " + column + " is out of range: the result has 3 columns")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
            }
        }
    }

    @Test
    void unwrapsToItselfOnly() throws SQLException {
        ResultSetMetaData md = new AthenaResultSetMetaData(columns());
        assertThat(md.isWrapperFor(ResultSetMetaData.class)).isTrue();
        assertThat(md.isWrapperFor(Runnable.class)).isFalse();
        assertThat(md.isWrapperFor(null)).isFalse();
        assertThat(md.unwrap(AthenaResultSetMetaData.class)).isSameAs(md);
        assertThatThrownBy(() -> md.unwrap(Runnable.class)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> md.unwrap(null)).isInstanceOf(SQLException.class);
    }

    @Test
    void columnSpecKeepsWhatColumnInfoSaid() {
        ColumnSpec decimal = new ColumnSpec("d", "l", "decimal", 12, 3, false, ResultSetMetaData.columnNullable);
        assertThat(decimal.precision()).isEqualTo(12);
        assertThat(decimal.scale()).isEqualTo(3);
        assertThat(decimal.athenaType()).isEqualTo("decimal");
        assertThat(decimal.type().precision()).isEqualTo(12);
        assertThat(decimal.toString()).isEqualTo("d decimal");
        assertThat(new ColumnSpec("c", "char").caseSensitive()).isTrue();
        assertThat(new ColumnSpec("v", "varchar").caseSensitive()).isTrue();
        assertThat(new ColumnSpec("i", "integer").caseSensitive()).isFalse();
        assertThat(new ColumnSpec("i", "integer").nullable()).isEqualTo(ResultSetMetaData.columnNullableUnknown);
        ColumnSpec typed = new ColumnSpec("t", null, TypeSignature.parse("decimal(7,2)"), ResultSetMetaData.columnNoNulls);
        assertThat(typed.label()).isEqualTo("t");
        assertThat(typed.athenaType()).isEqualTo("decimal");
        assertThat(typed.precision()).isEqualTo(7);
        assertThat(typed.scale()).isEqualTo(2);
        assertThat(typed.caseSensitive()).isFalse();
        assertThat(typed.nullable()).isEqualTo(ResultSetMetaData.columnNoNulls);
    }
}
