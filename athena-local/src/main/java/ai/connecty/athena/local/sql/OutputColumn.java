package ai.connecty.athena.local.sql;

/** A result column: its name as Athena reports it (lower case for unquoted identifiers, {@code _colN} when unnamed). */
public record OutputColumn(String name, AthenaColumnType type) {
}
