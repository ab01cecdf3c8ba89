package ai.connecty.athena.local.sql;

/**
 * A value chosen while DuckDB binds a statement, by a condition on DuckDB types ({@code typeof} is a constant
 * then). The translation cannot see a column's type, and a CASE does not help: DuckDB binds every branch and gives
 * the CASE one type. A struct holding both candidates, from which a field is taken by a name DuckDB computes while
 * binding, has the chosen candidate's own type. Both candidates are bound, so each must be valid whatever types the
 * statement brings, and both are evaluated. DuckDB binds a macro body when the macro is created, when no name can
 * be computed yet, so a choice is written into the statement, never into a macro.
 */
final class TypeChoice {

    private TypeChoice() {
    }

    /** {@code ifTrue} when {@code condition} holds for the statement's types, else {@code ifFalse}. */
    static String pick(String condition, String ifTrue, String ifFalse) {
        return "{'t': " + ifTrue + ", 'f': " + ifFalse + "}[CASE WHEN " + condition + " THEN 't' ELSE 'f' END]";
    }
}
