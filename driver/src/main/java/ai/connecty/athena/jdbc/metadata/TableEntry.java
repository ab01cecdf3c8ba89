package ai.connecty.athena.jdbc.metadata;

import java.util.Collections;
import java.util.List;

/** A table as either catalog API describes it, reduced to what DatabaseMetaData reports. */
final class TableEntry {
    private static final String PRESTO_VIEW_MARKER = "Presto View";

    private final String name;
    private final String tableType;
    private final String comment;
    private final List<ColumnEntry> columns;

    /**
     * @param catalogTableType Glue/Athena TableType ({@code EXTERNAL_TABLE}, {@code VIRTUAL_VIEW}, ...), may be null
     * @param columns          regular columns followed by partition keys, as Athena's SELECT * orders them
     */
    TableEntry(String name, String catalogTableType, String comment, List<ColumnEntry> columns) {
        this.name = name;
        this.tableType = "VIRTUAL_VIEW".equalsIgnoreCase(catalogTableType) ? "VIEW" : "TABLE";
        // Athena marks every view it creates with the comment "Presto View": a marker, not the user's remark.
        this.comment = "VIEW".equals(tableType) && PRESTO_VIEW_MARKER.equals(comment) ? null : comment;
        this.columns = Collections.unmodifiableList(columns);
    }

    String name() {
        return name;
    }

    /** The JDBC table type: TABLE or VIEW. */
    String tableType() {
        return tableType;
    }

    String comment() {
        return comment;
    }

    List<ColumnEntry> columns() {
        return columns;
    }

    /** One column: name, Hive type string and comment. */
    static final class ColumnEntry {
        private final String name;
        private final String type;
        private final String comment;

        ColumnEntry(String name, String type, String comment) {
            this.name = name;
            this.type = type;
            this.comment = comment;
        }

        String name() {
            return name;
        }

        String type() {
            return type;
        }

        String comment() {
            return comment;
        }
    }
}
