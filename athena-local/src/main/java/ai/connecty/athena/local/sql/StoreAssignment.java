package ai.connecty.athena.local.sql;

import java.util.List;

/**
 * Which values Trino's INSERT stores into a column of another type. Its analysis accepts a query column for a table
 * column when the two types have a common super type at all, in either direction (store assignment is wider than
 * implicit coercion: a bigint goes into an integer column, a timestamp into a date column, a varchar(10) into a
 * varchar(3), and fails at run time only for a value that does not fit), and refuses the statement otherwise: text
 * into a number, date or boolean column, a number into a text column. DuckDB casts all of these, so they are judged
 * here, for the types below only; any other pair is left to run.
 */
final class StoreAssignment {

    private StoreAssignment() {
    }

    /** Whether a value is known to be storable, known not to be, or not judged. */
    enum Verdict { STORES, REFUSED, NOT_JUDGED }

    /**
     * @param value  the query column's type ({@code unknown} for an untyped NULL), null where not known
     * @param target the table column's declared type, null where it does not parse
     */
    static Verdict of(SqlType value, SqlType target) {
        if (value == null || target == null) {
            return Verdict.NOT_JUDGED;
        }
        if (value.is("unknown") || value.equals(target)) {
            return Verdict.STORES;
        }
        if (hasNestedBoundedText(target)) {
            // Trino holds such columns to strict implicit coercion instead, which is not modelled here.
            return Verdict.NOT_JUDGED;
        }
        return compatible(value, target);
    }

    private static Verdict compatible(SqlType value, SqlType target) {
        if (value.is("unknown")) {
            return Verdict.STORES;
        }
        String valueFamily = family(value);
        String targetFamily = family(target);
        if (valueFamily == null || targetFamily == null) {
            return Verdict.NOT_JUDGED;
        }
        if (!valueFamily.equals(targetFamily)) {
            return Verdict.REFUSED;
        }
        return switch (valueFamily) {
            case "array", "map" -> children(value.children(), target.children());
            case "row" -> value.children().size() != target.children().size() ? Verdict.REFUSED
                    : children(value.children(), target.children());
            default -> Verdict.STORES;
        };
    }

    /** Element by element: refused if one is, stored if all are, else not judged. */
    private static Verdict children(List<SqlType> values, List<SqlType> targets) {
        Verdict all = Verdict.STORES;
        for (int i = 0; i < values.size(); i++) {
            Verdict one = compatible(values.get(i), targets.get(i));
            if (one == Verdict.REFUSED) {
                return one;
            }
            if (one == Verdict.NOT_JUDGED) {
                all = one;
            }
        }
        return all;
    }

    /**
     * Groups of types any two of which have a common super type in Trino: every number type (integers widen to
     * real, double and decimal, decimal to real and double), varchar and char, date and the timestamps; array, map
     * and row compare element by element. Null for a type not judged.
     */
    private static String family(SqlType type) {
        return switch (type.base()) {
            case "varbinary", "array", "map", "row" -> type.base();
            default -> ComparisonTypes.family(type);
        };
    }

    /** An array, map or row holding a varchar(n) or char(n), at any depth. */
    private static boolean hasNestedBoundedText(SqlType type) {
        if (!type.is("array") && !type.is("map") && !type.is("row")) {
            return false;
        }
        for (SqlType child : type.children()) {
            if (isBoundedText(child) || hasNestedBoundedText(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBoundedText(SqlType type) {
        return type.is("char") || type.is("varchar") && type.length() != SqlType.UNBOUNDED;
    }
}
