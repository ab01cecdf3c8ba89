package ai.connecty.athena.jdbc.errors;

/**
 * The SQLStates this driver raises. Tools branch on the class (first two characters): 08 connection,
 * 22 data, 42 syntax or access, 53/57/58 service, HY/0A driver. Always use these constants, never literals.
 *
 * <p>Class 08 is kept for a connection that is itself unusable (closed, or never opened): connection pools
 * (HikariCP evicts on any 08 state, and on 0A000, 57P01-57P03, 01002) and tools (DBeaver reconnects and re-runs
 * the statement on 08000/08003/08006/08007/08S01) act on it, and a throttled or failed call leaves an Athena
 * connection, which holds no session, as good as it was.
 */
public final class SqlState {
    private SqlState() {
    }

    /** General warning (class 01): attached to SQLWarnings, never thrown. */
    public static final String WARNING = "01000";
    /** Warning: something was skipped because a permission is missing (a denied StopQueryExecution). */
    public static final String WARNING_PRIVILEGE_NOT_GRANTED = "01007";
    /** Connection could not be established (bad endpoint, credentials refused at connect). */
    public static final String CONNECTION_FAILURE = "08001";
    /** The connection is closed or was never open. */
    public static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /**
     * The connection failed and cannot be used any more. Not raised for a failed call: an Athena connection
     * holds no session, so a network error leaves it usable (see {@link #NETWORK_ERROR}).
     */
    public static final String CONNECTION_EXCEPTION = "08006";
    /** Feature not supported by Athena or by this driver. */
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    /** A value cannot be converted to the requested type (getInt on "abc"). */
    public static final String INVALID_CHARACTER_VALUE_FOR_CAST = "22018";
    /** Numeric value out of range for the requested type. */
    public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    /** Datetime value cannot be parsed or is out of range. */
    public static final String INVALID_DATETIME_FORMAT = "22007";
    /** Division by zero in the query. */
    public static final String DIVISION_BY_ZERO = "22012";
    /**
     * Text that no UTF-8 can carry (an unpaired UTF-16 surrogate, bytes that are no UTF-8 or ASCII) or that Athena's
     * SQL text cannot hold (U+0000 outside a bound parameter): refused rather than sent altered.
     */
    public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    /** A stream parameter held fewer bytes or characters than the length it was set with. */
    public static final String STRING_DATA_LENGTH_MISMATCH = "22026";
    /** Generic data exception (Athena USER error with a data error type). */
    public static final String DATA_EXCEPTION = "22000";
    /** Invalid cursor state (next() after close, get before next()). */
    public static final String INVALID_CURSOR_STATE = "24000";
    /** Invalid authorization: credentials refused or access denied. */
    public static final String INVALID_AUTHORIZATION = "28000";
    /** Syntax error or access rule violation (Athena MALFORMED_QUERY, USER errors). */
    public static final String SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION = "42000";
    /** Access denied by IAM. */
    public static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** Table or view not found. */
    public static final String UNDEFINED_TABLE = "42P01";
    /** Column not found. */
    public static final String UNDEFINED_COLUMN = "42703";
    /** Object not in the state the call needs (statement closed, result set closed). */
    public static final String OBJECT_NOT_IN_STATE = "55000";
    /** A limit of the service exceeded by the statement itself (query text over 262,144 bytes). */
    public static final String PROGRAM_LIMIT_EXCEEDED = "54000";
    /** The query was cancelled. */
    public static final String QUERY_CANCELED = "57014";
    /** An Athena SYSTEM error, or a failure inside the service (HTTP 5xx after the SDK's retries). */
    public static final String SYSTEM_ERROR = "58000";
    /**
     * A call could not reach the service or its reply was cut or late (I/O error), after the SDK's retries.
     * Transient; the connection stays usable, so deliberately not class 08.
     */
    public static final String NETWORK_ERROR = "58030";
    /** Invalid parameter value passed to a JDBC method or connection property. */
    public static final String INVALID_PARAMETER_VALUE = "HY024";
    /** Invalid column index (an unknown column label is UNDEFINED_COLUMN). */
    public static final String INVALID_DESCRIPTOR_INDEX = "07009";
    /** A prepared statement executed with a parameter not set (dynamic SQL error: wrong number of parameters). */
    public static final String WRONG_NUMBER_OF_PARAMETERS = "07001";
    /** Timeout expired (Statement.setQueryTimeout). */
    public static final String TIMEOUT = "HYT00";
    /**
     * Throttled by the service after all retries (insufficient resources): transient, worth retrying later.
     * Not class 08 (pools would rebuild the connection) and not 40001 (frameworks re-run on it).
     */
    public static final String THROTTLED = "53000";
    /** Connection property error (unknown value, missing required property). */
    public static final String INVALID_CONNECTION_PROPERTY = "HY000";
    /** General driver error. */
    public static final String GENERAL_ERROR = "HY000";
    /**
     * Undefined object: Athena SCHEMA_NOT_FOUND, a database named in the statement that does not exist. Class 42, as
     * the missing table beside it (42P01), so that tools and frameworks that classify by class (Spring's
     * BadSqlGrammarException, Hibernate's SQLGrammarException) see an error in the user's SQL; 3F000 (invalid
     * schema name) belongs to no class they know. Not 42P01: the table may exist once its database does.
     */
    public static final String UNDEFINED_OBJECT = "42704";
    /** Function not found: Athena FUNCTION_NOT_FOUND. */
    public static final String UNDEFINED_FUNCTION = "42883";
    /** Operand types do not match: Athena TYPE_MISMATCH. */
    public static final String DATATYPE_MISMATCH = "42804";
    /** commit/rollback in auto-commit mode, which JDBC has fail (Athena has no transactions). */
    public static final String INVALID_TRANSACTION_STATE = "25000";
    /** A savepoint that is not one of the connection's current transaction (released, rolled past, ended, foreign). */
    public static final String INVALID_SAVEPOINT_SPECIFICATION = "3B001";
    /**
     * rollback() of an emulated transaction (Transactions=emulate) in which statements that changed data or the catalog
     * completed: they cannot be undone. 25000, invalid transaction state: the standard has no subclass for "cannot
     * roll back", and the neighbours mean something else: 40xxx says the transaction WAS rolled back (frameworks
     * retry on 40001), 25P01-style codes are PostgreSQL's own. Not class 08 or 0A000, on which pools evict the
     * connection, which is as good as before.
     */
    public static final String TRANSACTION_CANNOT_BE_UNDONE = "25000";
}
