package ai.connecty.athena.local.sql;

/**
 * Trino's common super type of two operand types, as its analysis looks for one to join COALESCE operands, CASE and
 * IF results, NULLIF's arguments and IN lists: an untyped NULL ({@code unknown}) joins anything, numbers join
 * numbers, text joins text, dates and timestamps join each other, a boolean joins a boolean, and no two of these
 * families join. Judged for those families only (see {@link ComparisonTypes#family}); the super type itself is given
 * only where it is certain here, for Trino's messages name it.
 */
final class CommonSuperType {

    static final SqlType UNKNOWN = SqlType.simple("unknown");

    private CommonSuperType() {
    }

    /** Whether {@code type} is one whose joining is judged here: an untyped NULL or a type of a known family. */
    static boolean judged(SqlType type) {
        return type != null && (type.is("unknown") || ComparisonTypes.family(type) != null);
    }

    /** Whether Trino finds a common super type of two {@link #judged} types. */
    static boolean joins(SqlType a, SqlType b) {
        return a.is("unknown") || b.is("unknown") || ComparisonTypes.family(a).equals(ComparisonTypes.family(b));
    }

    /**
     * The common super type of two types that {@link #joins join}, or null where it is not certain here (a decimal
     * with another number, zoned timestamps with others). A char meets a char at the longer length, and a varchar as
     * the varchar of its length (Trino's TypeCoercion).
     */
    static SqlType of(SqlType a, SqlType b) {
        if (a.is("unknown") || a.equals(b)) {
            return b;
        }
        if (b.is("unknown")) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric() && (a.is("double") || b.is("double"))) {
            return SqlType.simple("double");
        }
        if (a.isNumeric() && b.isNumeric() && (a.is("float") || b.is("float"))) {
            return SqlType.simple("float"); // real: what any other number but a double widens to
        }
        int aWidth = INTEGRAL.indexOf(a.base());
        int bWidth = INTEGRAL.indexOf(b.base());
        if (aWidth >= 0 && bWidth >= 0) {
            return aWidth >= bWidth ? a : b;
        }
        if (a.is("varchar") && b.is("varchar")) {
            return a.length() == SqlType.UNBOUNDED || b.length() == SqlType.UNBOUNDED ? SqlType.simple("varchar")
                    : a.length() >= b.length() ? a : b;
        }
        if (a.is("char") && b.is("char")) {
            return CharValues.length(a) >= CharValues.length(b) ? a : b;
        }
        if (a.is("char") && b.is("varchar") || a.is("varchar") && b.is("char")) {
            // a char(n) meets a varchar as varchar(n), its only coercion
            return of(asVarchar(a), asVarchar(b));
        }
        if (a.is("date") && b.is("timestamp")) {
            return b;
        }
        if (a.is("timestamp") && b.is("date")) {
            return a;
        }
        if (a.is("timestamp") && b.is("timestamp")) {
            return a.fractionDigits() >= b.fractionDigits() ? a : b;
        }
        return null;
    }

    /** A char(n) as the varchar(n) it coerces to; any other type as it is. */
    private static SqlType asVarchar(SqlType type) {
        return CharValues.isChar(type) ? new SqlType("varchar", CharValues.length(type), 0, java.util.List.of(),
                java.util.List.of()) : type;
    }

    /** Trino's integral types, narrowest first. */
    static final java.util.List<String> INTEGRAL = java.util.List.of("tinyint", "smallint", "integer", "bigint");
}
