package ai.connecty.athena.jdbc.types;

import ai.connecty.athena.jdbc.errors.SqlState;

/**
 * Why one value could not be converted. Internal to the conversions: {@link TypeConversions} turns it into
 * a SQLException that also names the column and the value.
 */
final class ConversionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    private ConversionFailure(String sqlState, String reason) {
        super(reason, null, false, false);
        this.sqlState = sqlState;
    }

    static ConversionFailure invalid(String reason) {
        return new ConversionFailure(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, reason);
    }

    static ConversionFailure outOfRange(String reason) {
        return new ConversionFailure(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, reason);
    }

    static ConversionFailure badDateTime(String reason) {
        return new ConversionFailure(SqlState.INVALID_DATETIME_FORMAT, reason);
    }

    String sqlState() {
        return sqlState;
    }
}
