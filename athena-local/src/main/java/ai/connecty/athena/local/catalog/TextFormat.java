package ai.connecty.athena.local.catalog;

import java.util.Map;

/**
 * How the SerDe of a text table lays out a row, from its SerDe parameters with Hive's defaults: what the writer
 * ({@code TableWriter}) produces and the reader ({@link DuckDbViews}) expects, so that a file athena-local writes
 * reads back as Athena would read it.
 *
 * <ul>
 *   <li>LazySimpleSerDe (TEXTFILE): fields split on {@code field.delim} ({@code serialization.format}, else
 *       {@code \001}), never quoted; NULL is {@code serialization.null.format} ({@code \N}); with
 *       {@code escape.delim} set, the escape character, the delimiter, CR and LF in a value are escaped.</li>
 *   <li>OpenCSVSerde: every non-NULL field is quoted with {@code quoteChar} ({@code "}), a quote inside it is doubled
 *       when {@code escapeChar} is {@code "} (Hive's writer's default) and otherwise preceded by {@code escapeChar};
 *       the reader's escape character ({@link #readEscape}) is escaped too, so that every value reads back whole;
 *       fields are separated by {@code separatorChar} ({@code ,}); NULL is written as nothing, and an empty field
 *       reads as the empty string: its strings have no NULL (Hive's OpenCSVSerde.serialize, Trino's
 *       CsvSerializer). Lines are read by {@code OpenCsvReader}.</li>
 * </ul>
 *
 * @param openCsv    whether the table uses OpenCSVSerde (otherwise LazySimpleSerDe rules)
 * @param delimiter  the field separator
 * @param quote      OpenCSV's quote character; empty for LazySimpleSerDe
 * @param escape     the escape character, or empty when the table has none
 * @param nullFormat LazySimpleSerDe's text of NULL; unused for OpenCSV
 */
public record TextFormat(boolean openCsv, String delimiter, String quote, String escape, String nullFormat) {

    /** LazySimpleSerDe's default field delimiter, {@code \001}, and its text of NULL. */
    public static final String HIVE_DELIMITER = "\u0001";
    private static final String HIVE_NULL = "\\N";

    public static TextFormat of(TableDef table) {
        Map<String, String> p = table.serdeParameters();
        if (TableDef.OPEN_CSV_SERDE.equals(table.serdeLibrary())) {
            // Hive (and Trino, copying it) writes with escapeChar, default '"' (a doubled quote), but reads with
            // '\\' whenever escapeChar is '"' (see readEscape); each property counts by its first character.
            return new TextFormat(true, firstChar(p.getOrDefault("separatorChar", ",")),
                    firstChar(p.getOrDefault("quoteChar", "\"")), firstChar(p.getOrDefault("escapeChar", "\"")), "");
        }
        return new TextFormat(false,
                hiveByte(p.getOrDefault("field.delim", p.getOrDefault("serialization.format", HIVE_DELIMITER))), "",
                p.getOrDefault("escape.delim", ""), p.getOrDefault("serialization.null.format", HIVE_NULL));
    }

    /** LazySimpleSerDe's layout with Hive's defaults but the delimiter (UNLOAD's TEXTFILE, which sets nothing else). */
    public static TextFormat lazySimple(String delimiter) {
        return new TextFormat(false, delimiter, "", "", HIVE_NULL);
    }

    /**
     * A delimiter as LazySimpleSerDe reads the property: a number is the byte of that value (Glue's usual
     * {@code serialization.format=1} is {@code \001}), anything else its first character.
     */
    private static String hiveByte(String value) {
        if (value.isEmpty()) {
            return HIVE_DELIMITER;
        }
        try {
            return String.valueOf((char) (Byte.parseByte(value) & 0xFF));
        } catch (NumberFormatException e) {
            return value.substring(0, 1);
        }
    }

    private static String firstChar(String value) {
        return value.isEmpty() ? value : value.substring(0, 1);
    }

    /**
     * The escape character OpenCSVSerde reads with: the table's {@code escapeChar}, except that Hive's reader takes
     * {@code \\} when it is {@code "} (its writer's default, so also when the table sets none).
     */
    public String readEscape() {
        return escape.equals("\"") ? "\\" : escape;
    }

    /** Whether an OpenCSV table's writer escapes quotes by doubling them (its escapeChar is {@code "}). */
    public boolean doublesQuotes() {
        return openCsv && escape.equals("\"");
    }

    /** Whether LazySimpleSerDe escapes in this table's files (then DuckDB's CSV reader cannot split them). */
    public boolean escaped() {
        return !openCsv && !escape.isEmpty();
    }
}
