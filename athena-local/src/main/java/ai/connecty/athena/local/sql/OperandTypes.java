package ai.connecty.athena.local.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trino's analysis joins the operands of COALESCE, the elements of {@code ARRAY[…]}, the results of CASE and IF,
 * NULLIF's arguments, a simple CASE's operand with its WHEN values, and an IN predicate's value with its items into
 * one type, and refuses those no coercion joins ({@code COALESCE(int_column, '')}); it finds no arithmetic operator
 * for a number and text. DuckDB casts or fails otherwise, so these are judged here, with Trino's messages, where
 * every type the message depends on is known for certain (see {@link CommonSuperType}); anything else is left to run.
 */
final class OperandTypes {

    private OperandTypes() {
    }

    /** An operand: its type (null where unknown) and Trino's position prefix of it. */
    record Operand(SqlType type, String position) {
    }

    /**
     * Trino folds the operands' distinct types, in the order they first appear, into a common super type and fails
     * at the first operand of the first type that does not join it, naming the type folded so far and every
     * distinct type. Judged only where all operands' types are known and the folded type is certain.
     *
     * @param what {@code All COALESCE operands}, {@code All CASE results}, {@code All ARRAY elements},
     *             {@code IN value and list items}
     */
    static void joinIntoOne(String what, List<Operand> operands) {
        Map<String, Operand> distinct = new LinkedHashMap<>();
        for (Operand operand : operands) {
            if (!CommonSuperType.judged(operand.type())) {
                return;
            }
            distinct.putIfAbsent(operand.type().analyzedName(), operand);
        }
        SqlType folded = CommonSuperType.UNKNOWN;
        for (Operand first : distinct.values()) {
            if (!CommonSuperType.joins(folded, first.type())) {
                throw EngineFailure.user("TYPE_MISMATCH", first.position() + what
                        + " must be the same type or coercible to a common type. Cannot find common type between "
                        + folded.analyzedName() + " and " + first.type().analyzedName()
                        + ", all types (without duplicates): [" + String.join(", ", distinct.keySet()) + "]");
            }
            folded = CommonSuperType.of(folded, first.type());
            if (folded == null) {
                return; // what Trino would name past this point is not certain here
            }
        }
    }

    /** {@code IF(c, a, b)}: Trino's {@code Result types for IF must be the same: integer vs varchar(1)}, at the IF. */
    static void ifResults(SqlType whenTrue, SqlType whenFalse, String position) {
        pair("Result types for IF must be the same", whenTrue, whenFalse, position);
    }

    /** {@code NULLIF(a, b)}: Trino's {@code Types are not comparable with NULLIF: integer vs varchar(0)}, at NULLIF. */
    static void nullIf(SqlType first, SqlType second, String position) {
        pair("Types are not comparable with NULLIF", first, second, position);
    }

    private static void pair(String message, SqlType first, SqlType second, String position) {
        if (CommonSuperType.judged(first) && CommonSuperType.judged(second) && !CommonSuperType.joins(first, second)) {
            throw EngineFailure.user("TYPE_MISMATCH", position + message + ": " + first.analyzedName()
                    + " vs " + second.analyzedName());
        }
    }

    /**
     * {@code CASE x WHEN v …}: Trino joins x's type with each WHEN value's in turn and fails at the first value that
     * does not join, naming x's own type and that value's. Judged while the values before it are known.
     */
    static void caseOperand(SqlType operand, List<Operand> whenValues) {
        if (!CommonSuperType.judged(operand)) {
            return;
        }
        SqlType joined = operand;   // only its family matters: every type of a family joins the others
        for (Operand value : whenValues) {
            if (!CommonSuperType.judged(value.type())) {
                return;
            }
            if (!CommonSuperType.joins(joined, value.type())) {
                throw EngineFailure.user("TYPE_MISMATCH", value.position()
                        + "CASE operand type does not match WHEN clause operand type: "
                        + operand.analyzedName() + " vs " + value.type().analyzedName());
            }
            if (joined.is("unknown")) {
                joined = value.type();
            }
        }
    }

    /**
     * {@code a + b} (and {@code - * / %}): Trino has arithmetic operators for two numbers, and for dates, timestamps
     * and intervals among themselves; a number with text, a date or a boolean, or text or booleans with anything, have
     * none: {@code Cannot apply operator: integer + varchar(1)}, at the operator. Dates and timestamps among
     * themselves, intervals and NULLs are not judged.
     */
    static void arithmetic(String operator, SqlType left, SqlType right, String position) {
        String leftFamily = ComparisonTypes.family(left);
        String rightFamily = ComparisonTypes.family(right);
        if (leftFamily == null || rightFamily == null) {
            return;
        }
        if (leftFamily.equals(rightFamily) && (leftFamily.equals("number") || leftFamily.equals("datetime"))) {
            return;
        }
        throw EngineFailure.user("TYPE_MISMATCH", position + "Cannot apply operator: " + left.analyzedName()
                + " " + operator + " " + right.analyzedName());
    }
}
