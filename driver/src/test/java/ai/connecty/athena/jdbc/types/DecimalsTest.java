package ai.connecty.athena.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * {@link Decimals#rescale}: what getBigDecimal(i, scale), getObject as BigInteger and setObject to DECIMAL with a
 * scale give, half up, and at once for exponents setScale could not handle.
 */
class DecimalsTest {
    private static BigDecimal rescale(String value, int scale) {
        return Decimals.rescale(new BigDecimal(value), scale);
    }

    @Test
    void roundsHalfUpToTheScale() {
        assertThat(rescale("1.25", 1)).isEqualByComparingTo("1.3").hasScaleOf(1);
        assertThat(rescale("-1.25", 1)).isEqualByComparingTo("-1.3").hasScaleOf(1);
        assertThat(rescale("1.24", 1)).isEqualByComparingTo("1.2");
        assertThat(rescale("123.456", 0)).isEqualByComparingTo("123").hasScaleOf(0);
        assertThat(rescale("1.5", 3)).isEqualTo(new BigDecimal("1.500"));
    }

    /** A value whose first digit is the last one kept, or the one after it, is rounded, not taken for zero. */
    @Test
    void aValueJustAtOrBelowTheLastDigitKeptIsRoundedNotZero() {
        assertThat(rescale("0.05", 2)).isEqualTo(new BigDecimal("0.05"));
        assertThat(rescale("0.005", 2)).isEqualTo(new BigDecimal("0.01"));
        assertThat(rescale("0.0049", 2)).isEqualTo(new BigDecimal("0.00"));
        assertThat(rescale("0.5", 0)).isEqualTo(BigDecimal.ONE);
        assertThat(rescale("0.0009", 2)).isEqualTo(new BigDecimal("0.00"));
    }

    /** 1E-2147483647 at scale 2 is 0.00 at once (setScale would divide by 10^2147483645, or throw). */
    @Test
    void aTinyValueOfAnyExponentIsZeroAtTheScale() {
        assertThat(rescale("1E-2147483647", 2)).isEqualTo(new BigDecimal("0.00"));
        assertThat(rescale("-9E-99999999", 0)).isEqualTo(BigDecimal.ZERO);
        assertThat(Decimals.magnitude(new BigDecimal("0E+99"))).isZero();
        assertThat(Decimals.magnitude(new BigDecimal("0.05"))).isEqualTo(-1);
        assertThat(Decimals.magnitude(new BigDecimal("12.5"))).isEqualTo(2);
    }
}
