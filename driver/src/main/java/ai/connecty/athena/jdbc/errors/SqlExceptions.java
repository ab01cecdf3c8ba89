package ai.connecty.athena.jdbc.errors;

import java.sql.SQLFeatureNotSupportedException;

/** The driver's refusals of JDBC features, so that each is one line saying what is refused and why. */
public final class SqlExceptions {
    private SqlExceptions() {
    }

    /** A 0A000 refusal; {@code message} says what Athena or the driver lacks and, if any, what to do instead. */
    public static SQLFeatureNotSupportedException notSupported(String message) {
        return new SQLFeatureNotSupportedException(message, SqlState.FEATURE_NOT_SUPPORTED);
    }

    /** A 0A000 refusal of a JDBC method this driver does not implement, e.g. {@code createClob}. */
    public static SQLFeatureNotSupportedException methodNotSupported(String method) {
        return notSupported(method + " is not supported by the Athena driver");
    }

    /** As {@link #methodNotSupported(String)}, followed by what to use instead. */
    public static SQLFeatureNotSupportedException methodNotSupported(String method, String instead) {
        return notSupported(method + " is not supported by the Athena driver; " + instead);
    }
}
