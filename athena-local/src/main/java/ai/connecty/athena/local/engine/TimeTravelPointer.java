package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.sql.ZonedTimestampText;
import io.trino.sql.tree.ArithmeticBinaryExpression;
import io.trino.sql.tree.ArithmeticUnaryExpression;
import io.trino.sql.tree.Cast;
import io.trino.sql.tree.CurrentTime;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.GenericLiteral;
import io.trino.sql.tree.IntervalLiteral;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.StringLiteral;
import io.trino.sql.tree.TimestampLiteral;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The value of a time-travel pointer ({@code FOR VERSION AS OF v}, {@code FOR TIMESTAMP AS OF t}). Trino evaluates
 * any constant expression there; athena-local evaluates the forms time travel is written with (timestamp and date
 * literals, casts of strings, {@code current_timestamp}/{@code now()}/{@code localtimestamp} and interval arithmetic
 * on them) in Java, before the query reaches DuckDB, because the snapshot must be chosen before the relation is
 * printed. The session zone is UTC, as Athena's.
 */
final class TimeTravelPointer {

    private final Instant now;

    /** {@code now}: the statement's current_timestamp, the same for every pointer in it. */
    TimeTravelPointer(Instant now) {
        this.now = now;
    }

    /**
     * A {@code FOR VERSION AS OF} pointer: a snapshot id (an integer) or, as a string, the name of a branch or tag
     * (returned as a String; athena-local's tables have none).
     */
    Object version(Expression e) {
        if (e instanceof LongLiteral l) {
            return l.getParsedValue();
        }
        if (e instanceof ArithmeticUnaryExpression u && u.getValue() instanceof LongLiteral l) {
            return u.getSign() == ArithmeticUnaryExpression.Sign.MINUS ? -l.getParsedValue() : l.getParsedValue();
        }
        if (e instanceof StringLiteral s) {
            return s.getValue();
        }
        throw unsupported("FOR VERSION AS OF", e);
    }

    /** A {@code FOR TIMESTAMP AS OF} pointer as an instant. */
    Instant timestamp(Expression e) {
        if (e instanceof CurrentTime c && c.getFunction() != CurrentTime.Function.DATE
                && c.getFunction() != CurrentTime.Function.TIME && c.getFunction() != CurrentTime.Function.LOCALTIME) {
            return now;
        }
        if (e instanceof FunctionCall f && f.getArguments().isEmpty()
                && f.getName().toString().equalsIgnoreCase("now")) {
            return now;
        }
        if (e instanceof TimestampLiteral t) {
            return parse(t.getValue(), e);
        }
        if (e instanceof GenericLiteral g && g.getType().equalsIgnoreCase("timestamp")) {
            return parse(g.getValue(), e);
        }
        if (e instanceof GenericLiteral g && g.getType().equalsIgnoreCase("date")) {
            return parseDate(g.getValue(), e);
        }
        if (e instanceof Cast c && c.getExpression() instanceof StringLiteral s) {
            String type = c.getType().toString().toLowerCase(Locale.ROOT);
            if (type.startsWith("timestamp")) {
                return parse(s.getValue(), e);
            }
            if (type.equals("date")) {
                return parseDate(s.getValue(), e);
            }
        }
        if (e instanceof ArithmeticBinaryExpression a && a.getRight() instanceof IntervalLiteral i
                && (a.getOperator() == ArithmeticBinaryExpression.Operator.ADD
                || a.getOperator() == ArithmeticBinaryExpression.Operator.SUBTRACT)) {
            Instant base = timestamp(a.getLeft());
            boolean minus = (a.getOperator() == ArithmeticBinaryExpression.Operator.SUBTRACT)
                    != (i.getSign() == IntervalLiteral.Sign.NEGATIVE);
            return shift(base, i, minus ? -1 : 1);
        }
        throw unsupported("FOR TIMESTAMP AS OF", e);
    }

    private static Instant shift(Instant base, IntervalLiteral interval, int sign) {
        if (interval.getEndField().isPresent()) {
            throw unsupported("FOR TIMESTAMP AS OF", interval);
        }
        long amount;
        try {
            amount = Long.parseLong(interval.getValue().trim()) * sign;
        } catch (NumberFormatException ex) {
            throw unsupported("FOR TIMESTAMP AS OF", interval);
        }
        ZonedDateTime at = base.atZone(ZoneOffset.UTC);
        return switch (interval.getStartField()) {
            case YEAR -> at.plusYears(amount).toInstant();
            case MONTH -> at.plusMonths(amount).toInstant();
            case DAY -> at.plusDays(amount).toInstant();
            case HOUR -> at.plusHours(amount).toInstant();
            case MINUTE -> at.plusMinutes(amount).toInstant();
            case SECOND -> at.plusSeconds(amount).toInstant();
        };
    }

    /** A timestamp literal's text, read as Trino reads one; without a zone in the session's (UTC). */
    private static Instant parse(String text, Expression e) {
        try {
            return ZonedTimestampText.instant(text, ZoneOffset.UTC);
        } catch (DateTimeException ex) {
            throw invalidValue(text, e);
        }
    }

    private static Instant parseDate(String text, Expression e) {
        try {
            return LocalDate.parse(padDate(text.trim())).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ex) {
            throw invalidValue(text, e);
        }
    }

    private static String padDate(String date) {
        String[] p = date.split("-");
        return p[0] + "-" + (p[1].length() == 1 ? "0" : "") + p[1] + "-" + (p[2].length() == 1 ? "0" : "") + p[2];
    }

    private static EngineFailure invalidValue(String text, Expression e) {
        return EngineFailure.user("INVALID_LITERAL", position(e) + "'" + text + "' is not a valid timestamp literal");
    }

    /** athena-local's own refusal (Trino would evaluate any constant expression of the right type). */
    private static EngineFailure unsupported(String clause, Expression e) {
        return EngineFailure.user("NOT_SUPPORTED", position(e) + "athena-local evaluates " + clause
                + " only for literals, current_timestamp and interval arithmetic on them, not: " + e);
    }

    private static String position(Expression e) {
        return e.getLocation().map(l -> "line " + l.getLineNumber() + ":" + l.getColumnNumber() + ": ").orElse("");
    }
}
