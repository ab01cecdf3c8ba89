package ai.connecty.athena.local.sql;

import java.time.ZoneId;
import java.util.List;

/**
 * Trino functions that give a {@code timestamp with time zone} its zone, printed for DuckDB (see
 * {@link DuckDbPrinter}). DuckDB's TIMESTAMPTZ holds the instant; the zone is found in the tree by
 * {@link TimestampZones}, so a zone that is no literal, known only row by row, is refused rather than lost.
 */
final class ZonedCalls {

    private ZonedCalls() {
    }

    /** The DuckDB text of the call of {@code name} (lower case), or null when it is no call this class rewrites. */
    static String rewrite(String name, List<Calls.Arg> args, TimestampZones zones) {
        return switch (name) {
            case "at_timezone" -> atTimezone(args, zones);
            default -> null;
        };
    }

    /** Trino's {@code at_timezone(x, zone)}: x's instant (a timestamp is read in UTC, the session zone) in the zone. */
    private static String atTimezone(List<Calls.Arg> args, TimestampZones zones) {
        if (args.size() != 2) {
            return null;
        }
        literalZone("at_timezone", args.get(1), zones);
        return "CAST(" + args.get(0).sql() + " AS TIMESTAMPTZ)";
    }

    private static ZoneId literalZone(String function, Calls.Arg zone, TimestampZones zones) {
        ZoneId id = zones.argument(zone.expression());
        if (id == null) {
            throw new UnsupportedSqlException(function + "() with a zone that is not a literal (the zone of each row "
                    + "cannot be carried)");
        }
        return id;
    }
}
