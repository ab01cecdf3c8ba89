package ai.connecty.athena.jdbc.types;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of {@link BigDecimal}s whose exponent may be anything a user or a text wrote: decided from precision and
 * scale first, because {@code setScale} and {@code toBigInteger} throw for 1E+2147483647 or -1E-2147483647 and
 * compute for minutes for 1E+99999999.
 */
public final class Decimals {
    private Decimals() {
    }

    /**
     * Precision minus scale: the digits before the point when positive; 0 or less when the value is below 1 (-k
     * when its first significant digit is the (k+1)-th after the point); 0 for a zero of any exponent.
     */
    public static long magnitude(BigDecimal value) {
        return value.signum() == 0 ? 0 : (long) value.precision() - value.scale();
    }

    /**
     * The value rounded half-up to {@code scale} digits after the point; below a tenth of the last digit kept it is
     * that zero at once, where setScale would have to divide by a power of ten as large as the exponent.
     */
    public static BigDecimal rescale(BigDecimal value, int scale) {
        return magnitude(value) <= -(scale + 1L) ? BigDecimal.ZERO.setScale(scale)
                : value.setScale(scale, RoundingMode.HALF_UP);
    }
}
