package ai.connecty.athena.local.sql;

/**
 * A cast of a double or real to tinyint, smallint, integer or bigint as Trino's DoubleOperators and RealOperators
 * cast it: rounded half away from zero ({@code MathFunctions.round}), so {@code CAST(2.5E0 AS integer)} is 3 and
 * {@code CAST(-2.5E0 AS bigint)} is -3, where DuckDB's cast rounds half to even (2, -2). Applied where the source's
 * type is known to be a double or real (literals, casts, catalog columns, calls of known result type); DuckDB's
 * {@code round} rounds half away from zero, and its cast of the whole number then only checks the range.
 */
final class FractionCasts {

    private FractionCasts() {
    }

    /** The expression to cast from: {@code round(x)} where a double or real goes to an integer type. */
    static String source(String expression, SqlType source, SqlType target) {
        boolean fraction = source != null && (source.is("double") || source.is("float"));
        boolean integral = CommonSuperType.INTEGRAL.contains(target.base());
        return fraction && integral ? "round(" + expression + ")" : expression;
    }
}
