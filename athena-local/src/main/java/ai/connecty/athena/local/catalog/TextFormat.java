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
 *   <li>OpenCSVSerde: every non-NULL field is quoted with {@code quoteChar} ({@code "}), a quote or escape character
 *       inside it is preceded by {@code escapeChar} (Hive's default is {@code \}; athena-local's, when the table sets
 *       none, is the quote character itself, i.e. a doubled quote), fields are separated by {@code separatorChar}
 *       ({@code ,}); NULL is written as nothing, and an empty field reads as the empty string: its strings have no
 *       NULL (Hive's OpenCSVSerde.serialize and Trino's CsvSerializer/CsvDeserializer, which copy it).</li>
 * </ul>
 *
 * @param openCsv    whether the table uses OpenCSVSerde (otherwise LazySimpleSerDe rules)
 * @param delimiter  the field separator
 * @param quote      OpenCSV's quote character; empty for LazySimpleSerDe
 * @param escape     the escape character, or empty when the table has none
 * @param nullFormat LazySimpleSerDe's text of NULL; unused for OpenCSV
 */
public record TextFormat(boolean openCsv, String delimiter, String quote, String escape, String nullFormat) {

    public static TextFormat of(TableDef table) {
        Map<String, String> p = table.serdeParameters();
        if (TableDef.OPEN_CSV_SERDE.equals(table.serdeLibrary())) {
            // Hive's OpenCSVSerde reads both \" and "" inside quotes; DuckDB's reader takes one escape character.
            // Without an escapeChar of the table's own, "" (RFC 4180: what spreadsheets, pandas and most CSV
            // writers produce) is the one read, and written, so that uploaded files and athena-local's INSERTs
            // both read back exactly.
            String quote = p.getOrDefault("quoteChar", "\"");
            return new TextFormat(true, p.getOrDefault("separatorChar", ","), quote, p.getOrDefault("escapeChar", quote),
                    "");
        }
        return new TextFormat(false,
                hiveByte(p.getOrDefault("field.delim", p.getOrDefault("serialization.format", "\u0001"))), "",
                p.getOrDefault("escape.delim", ""), p.getOrDefault("serialization.null.format", "\\N"));
    }

    /**
     * A delimiter as LazySimpleSerDe reads the property: a number is the byte of that value (Glue's usual
     * {@code serialization.format=1} is {@code \001}), anything else its first character.
     */
    private static String hiveByte(String value) {
        if (value.isEmpty()) {
            return "\u0001";
        }
        try {
            return String.valueOf((char) (Byte.parseByte(value) & 0xFF));
        } catch (NumberFormatException e) {
            return value.substring(0, 1);
        }
    }

    /** Whether LazySimpleSerDe escapes in this table's files (then DuckDB's CSV reader cannot split them). */
    public boolean escaped() {
        return !openCsv && !escape.isEmpty();
    }
}
