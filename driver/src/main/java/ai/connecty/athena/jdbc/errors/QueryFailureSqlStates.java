package ai.connecty.athena.jdbc.errors;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps a failed query's {@code AthenaError} to a SQLState, so tools can tell a missing table from bad data
 * from an outage. The engine error name (the {@code TABLE_NOT_FOUND} prefix of the message) is the most
 * precise signal; the numeric ErrorType is the fallback (Athena error reference: 1001/1002 data errors,
 * 1100 invalid argument, 1106 invalid function argument).
 */
public final class QueryFailureSqlStates {
    private static final Map<String, String> BY_ERROR_NAME = new HashMap<>();

    static {
        BY_ERROR_NAME.put("TABLE_NOT_FOUND", SqlState.UNDEFINED_TABLE);
        BY_ERROR_NAME.put("COLUMN_NOT_FOUND", SqlState.UNDEFINED_COLUMN);
        BY_ERROR_NAME.put("SCHEMA_NOT_FOUND", SqlState.UNDEFINED_OBJECT);
        BY_ERROR_NAME.put("FUNCTION_NOT_FOUND", SqlState.UNDEFINED_FUNCTION);
        BY_ERROR_NAME.put("TYPE_MISMATCH", SqlState.DATATYPE_MISMATCH);
        BY_ERROR_NAME.put("SYNTAX_ERROR", SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
        BY_ERROR_NAME.put("PERMISSION_DENIED", SqlState.INSUFFICIENT_PRIVILEGE);
        BY_ERROR_NAME.put("DIVISION_BY_ZERO", SqlState.DIVISION_BY_ZERO);
        BY_ERROR_NAME.put("INVALID_CAST_ARGUMENT", SqlState.INVALID_CHARACTER_VALUE_FOR_CAST);
        BY_ERROR_NAME.put("NUMERIC_VALUE_OUT_OF_RANGE", SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
    }

    private QueryFailureSqlStates() {
    }

    /**
     * @param category  AthenaError.ErrorCategory (1 SYSTEM, 2 USER, 3 OTHER), null if absent
     * @param errorType AthenaError.ErrorType, null if absent
     * @param errorName the engine error name from the message, null if the message has none
     */
    public static String sqlState(Integer category, Integer errorType, String errorName) {
        AthenaErrorCategory resolved = AthenaErrorCategory.fromCode(category);
        if (resolved == AthenaErrorCategory.SYSTEM) {
            return SqlState.SYSTEM_ERROR;
        }
        if (errorName != null && BY_ERROR_NAME.containsKey(errorName)) {
            return BY_ERROR_NAME.get(errorName);
        }
        if (resolved == AthenaErrorCategory.USER) {
            return isDataErrorType(errorType) ? SqlState.DATA_EXCEPTION : SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION;
        }
        return SqlState.GENERAL_ERROR;
    }

    private static boolean isDataErrorType(Integer errorType) {
        return errorType != null && (errorType == 1001 || errorType == 1002 || errorType == 1100 || errorType == 1106);
    }
}
