package ai.connecty.athena.jdbc.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

class AthenaParameterMetaDataTest {

    private static ParameterMetaData of(ParameterValue... values) {
        return new AthenaParameterMetaData(values);
    }

    @Test
    void aDecimalReportsThePrecisionAndScaleOfItsValue() throws SQLException {
        ParameterMetaData metaData = of(Literals.of(new BigDecimal("123.456"), 1), Literals.of(new BigDecimal("-0.05"), 2),
                Literals.of(new BigDecimal("1E+3"), 3), Literals.of(new BigDecimal("12345678901234567890.5"), 4));
        int[][] precisionAndScale = {{6, 3}, {2, 2}, {4, 0}, {21, 1}};
        for (int i = 0; i < precisionAndScale.length; i++) {
            assertThat(metaData.getParameterType(i + 1)).isEqualTo(Types.DECIMAL);
            assertThat(metaData.getPrecision(i + 1)).as("precision of parameter %d", i + 1).isEqualTo(precisionAndScale[i][0]);
            assertThat(metaData.getScale(i + 1)).as("scale of parameter %d", i + 1).isEqualTo(precisionAndScale[i][1]);
        }
        assertThat(metaData.getParameterTypeName(1)).isEqualTo("decimal");
        assertThat(metaData.getParameterClassName(1)).isEqualTo(BigDecimal.class.getName());
    }

    /**
     * A parameter not set is Athena's type of a bare NULL: Spring's JdbcTemplate binds a null of unknown type with
     * setNull(getParameterType(i)), and the NULL that this gives must be untyped (a typed varchar NULL fails in
     * Athena against a column of another type).
     */
    @Test
    void aParameterNotSetIsOfUnknownTypeAndSetNullWithItsTypeIsABareNull() throws SQLException {
        ParameterMetaData metaData = of(Literals.of(5, 1), null);
        assertThat(metaData.getParameterCount()).isEqualTo(2);
        assertThat(metaData.getParameterType(1)).isEqualTo(Types.INTEGER);
        assertThat(metaData.getParameterType(2)).isEqualTo(Types.OTHER);
        assertThat(metaData.getParameterTypeName(2)).isEqualTo("unknown");
        assertThat(metaData.isNullable(2)).isEqualTo(ParameterMetaData.parameterNullableUnknown);
        assertThat(Literals.nullOf(metaData.getParameterType(2)).literal()).isEqualTo("NULL");
    }

    @Test
    void aNumberIsSignedTextIsNotAndEveryParameterIsIn() throws SQLException {
        ParameterMetaData metaData = of(Literals.of(5, 1), Literals.of("x", 2));
        assertThat(metaData.isSigned(1)).isTrue();
        assertThat(metaData.isSigned(2)).isFalse();
        assertThat(metaData.getParameterMode(2)).isEqualTo(ParameterMetaData.parameterModeIn);
        assertThatThrownBy(() -> metaData.getParameterMode(3)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
    }

    @Test
    void unwrapsToItselfOnly() throws SQLException {
        ParameterMetaData metaData = of(Literals.of(5, 1));
        assertThat(metaData.isWrapperFor(ParameterMetaData.class)).isTrue();
        assertThat(metaData.isWrapperFor(String.class)).isFalse();
        assertThat(metaData.isWrapperFor(null)).isFalse();
        assertThat(metaData.unwrap(ParameterMetaData.class)).isSameAs(metaData);
        assertThatThrownBy(() -> metaData.unwrap(String.class)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> metaData.unwrap(null)).isInstanceOf(SQLException.class);
    }
}
