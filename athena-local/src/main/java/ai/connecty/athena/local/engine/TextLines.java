package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.TextFormat;
import ai.connecty.athena.local.sql.Identifiers;
import ai.connecty.athena.local.sql.Literals;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DuckDB expression of one line of a text table's file per row, serialized as the table's SerDe does (see
 * {@link TextFormat}). DuckDB's CSV writer cannot do it: it quotes values holding the delimiter or a quote, and writes
 * NULL as an empty field, where LazySimpleSerDe never quotes and writes {@code \N}, and OpenCSVSerde quotes every
 * value. So the line is built here and DuckDB only writes it out verbatim.
 */
final class TextLines {

    private TextLines() {
    }

    /**
     * {@code select} (whose columns are {@code names}: the data columns, then the partition columns) as one line of
     * text per row, the partition columns kept beside it for COPY's PARTITION_BY.
     */
    static String rows(TextFormat format, String select, List<String> names, int dataColumns) {
        List<String> quoted = names.stream().map(Identifiers::quote).toList();
        StringBuilder sb = new StringBuilder("SELECT ").append(line(format, quoted.subList(0, dataColumns)))
                .append(" AS line");
        for (String key : quoted.subList(dataColumns, quoted.size())) {
            sb.append(", ").append(key);
        }
        return sb.append(" FROM (").append(select).append(") AS written(").append(String.join(", ", quoted))
                .append(")").toString();
    }

    /** {@code values}: DuckDB expressions of the table's data columns, in order. */
    static String line(TextFormat format, List<String> values) {
        String separator = " || " + Literals.quote(format.delimiter()) + " || ";
        return values.stream().map(v -> format.openCsv() ? openCsvField(format, v) : lazySimpleField(format, v))
                .collect(Collectors.joining(separator));
    }

    /** Unquoted text; NULL as the null format; with an escape character, LazyUtils.writeEscaped's escapes. */
    private static String lazySimpleField(TextFormat format, String value) {
        String text = "CAST(" + value + " AS VARCHAR)";
        if (format.escaped()) {
            String esc = format.escape();
            // The escape character first, so that the escapes added after it are not escaped again.
            text = replace(text, esc, esc + esc);
            text = replace(text, format.delimiter(), esc + format.delimiter());
            text = replace(text, "\n", esc + "n");
            text = replace(text, "\r", esc + "r");
        }
        return "COALESCE(" + text + ", " + Literals.quote(format.nullFormat()) + ")";
    }

    /**
     * Quoted; NULL as nothing at all (OpenCSVSerde.serialize). A quote is doubled when the table's escapeChar is
     * {@code "} (Hive's writer's default), else escaped with it; the escape character the reader honours
     * ({@link TextFormat#readEscape}, {@code \\} by default) is escaped too: Hive's writer leaves a backslash bare,
     * which its own reader then drops, and athena-local's INSERTs must read back exactly.
     */
    private static String openCsvField(TextFormat format, String value) {
        String text = "CAST(" + value + " AS VARCHAR)";
        String esc = format.readEscape();
        String quote = format.quote();
        if (!esc.isEmpty() && !esc.equals(quote)) {
            text = replace(text, esc, esc + esc);
        }
        text = replace(text, quote, (format.doublesQuotes() || esc.isEmpty() ? quote : esc) + quote);
        return "COALESCE(" + Literals.quote(quote) + " || " + text + " || " + Literals.quote(quote) + ", '')";
    }

    private static String replace(String expression, String from, String to) {
        return "replace(" + expression + ", " + Literals.quote(from) + ", " + Literals.quote(to) + ")";
    }
}
