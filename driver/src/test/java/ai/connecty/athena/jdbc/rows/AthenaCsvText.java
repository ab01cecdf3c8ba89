package ai.connecty.athena.jdbc.rows;

import java.util.List;

/** Result-file text as Athena writes it, for the readers' tests: every value quoted, quotes doubled, NULL empty. */
final class AthenaCsvText {

    private AthenaCsvText() {
    }

    /** Appends {@code values} (null elements are SQL NULL) as one record, with its line end. */
    static void appendRecord(StringBuilder csv, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            if (c > 0) {
                csv.append(',');
            }
            String value = values.get(c);
            if (value != null) {
                csv.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
        }
        csv.append('\n');
    }
}
