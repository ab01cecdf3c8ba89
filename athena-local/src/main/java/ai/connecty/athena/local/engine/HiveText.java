package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.TableDef;
import ai.connecty.athena.local.sql.AthenaColumnType;
import ai.connecty.athena.local.sql.OutputColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hive's text output conventions for SHOW/DESCRIBE results (measured-behaviour §3.3 and §7.5). */
final class HiveText {

    private static final int PAD = 20;

    private HiveText() {
    }

    /** A Hive DDL-output column: type {@code string}, no precision. */
    static OutputColumn string(String name) {
        return new OutputColumn(name, new AthenaColumnType("string", 0, 0, false, "string", "string"));
    }

    /** The {@code varchar} columns of engine-answered utility statements (SHOW VIEWS, views' DESCRIBE). */
    static OutputColumn varchar(String name) {
        return new OutputColumn(name, new AthenaColumnType("varchar", 0, 0, false, "varchar", "string"));
    }

    /** Right-pads to 20 characters (never truncates); a comment is cut at its first tab. */
    static String pad(String value) {
        String v = value == null ? "" : value;
        StringBuilder sb = new StringBuilder(v);
        while (sb.length() < PAD) {
            sb.append(' ');
        }
        return sb.toString();
    }

    static String describeRow(String name, String type, String comment) {
        String c = comment == null ? "" : comment;
        int tab = c.indexOf('\t');
        if (tab >= 0) {
            c = c.substring(0, tab);
        }
        return pad(name) + "\t" + pad(type) + "\t" + pad(c);
    }

    static List<String> describe(TableDef t) {
        List<String> rows = new ArrayList<>();
        for (ColumnDef c : t.allColumns()) {
            rows.add(describeRow(c.name(), c.type(), c.comment()));
        }
        if (!t.partitionKeys().isEmpty()) {
            rows.add("\t \t ");
            rows.add("# Partition Information\t \t ");
            // Hive pads the header's name before prefixing "# ", so that cell is 22 characters wide.
            rows.add("# " + describeRow("col_name", "data_type", "comment"));
            rows.add("\t \t ");
            for (ColumnDef c : t.partitionKeys()) {
                rows.add(describeRow(c.name(), c.type(), c.comment()));
            }
        }
        return rows;
    }

    /**
     * DESCRIBE of an Iceberg table: its columns as for a Hive table (Glue holds no partition keys for it), then for
     * a partitioned table a {@code # Partition Transforms} section with one row per partition field, its source
     * column and Iceberg's transform name. The section's layout is assumed (see SQL-GAPS): Hive's own Iceberg
     * handler prints the same rows under {@code # Partition Transform Information}, without a blank row after the
     * header, which is followed here.
     */
    static List<String> describeIceberg(TableDef t, IcebergPartitionFields partitioning) {
        List<String> rows = describe(t);
        if (!partitioning.isEmpty()) {
            rows.add("\t \t ");
            rows.add("# Partition Transforms\t \t ");
            rows.add("# " + describeRow("field_name", "transform", ""));
            for (IcebergPartitionFields.Field f : partitioning.fields()) {
                rows.add(describeRow(f.column(), f.transform(), ""));
            }
        }
        return rows;
    }

    /** {@code SHOW CREATE TABLE} in Hive's layout, one output row per line. */
    static List<String> showCreateTable(TableDef t) {
        List<String> lines = new ArrayList<>();
        lines.add("CREATE EXTERNAL TABLE `" + t.database() + "`.`" + t.name() + "`(");
        appendColumns(lines, t.columns());
        if (!t.partitionKeys().isEmpty()) {
            lines.add("PARTITIONED BY ( ");
            appendColumns(lines, t.partitionKeys());
        }
        if (t.bucketing() != null) {
            // Hive's SHOW CREATE TABLE layout: the columns unquoted, one a line
            lines.add("CLUSTERED BY ( ");
            List<String> columns = t.bucketing().columns();
            for (int i = 0; i < columns.size(); i++) {
                lines.add("  " + columns.get(i) + (i < columns.size() - 1 ? ", " : ") "));
            }
            lines.add("INTO " + t.bucketing().count() + " BUCKETS");
        }
        if (TableDef.LAZY_SIMPLE_SERDE.equals(t.serdeLibrary()) && t.serdeParameters().containsKey("field.delim")) {
            lines.add("ROW FORMAT DELIMITED ");
            lines.add("  FIELDS TERMINATED BY '" + t.serdeParameters().get("field.delim") + "' ");
        } else {
            lines.add("ROW FORMAT SERDE ");
            lines.add("  '" + t.serdeLibrary() + "' ");
            Map<String, String> sp = t.serdeParameters();
            if (!sp.isEmpty()) {
                lines.add("WITH SERDEPROPERTIES ( ");
                appendProperties(lines, sp);
            }
        }
        lines.add("STORED AS INPUTFORMAT ");
        lines.add("  '" + t.inputFormat() + "' ");
        lines.add("OUTPUTFORMAT ");
        lines.add("  '" + t.outputFormat() + "'");
        lines.add("LOCATION");
        String loc = t.location() == null ? "" : t.location();
        lines.add("  '" + (loc.endsWith("/") ? loc.substring(0, loc.length() - 1) : loc) + "'");
        if (!t.parameters().isEmpty()) {
            lines.add("TBLPROPERTIES (");
            appendProperties(lines, t.parameters());
        }
        return lines;
    }

    private static void appendColumns(List<String> lines, List<ColumnDef> columns) {
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            String comment = c.comment().isEmpty() ? "" : " COMMENT '" + c.comment() + "'";
            lines.add("  `" + c.name() + "` " + c.type() + comment + (i + 1 < columns.size() ? ", " : ")"));
        }
    }

    private static void appendProperties(List<String> lines, Map<String, String> props) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(props.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<String, String> e = entries.get(i);
            lines.add("  '" + e.getKey() + "'='" + e.getValue() + "'" + (i + 1 < entries.size() ? ", " : ")"));
        }
    }

    /** Splits output values on newlines: each {@code .txt} line is one GetQueryResults row. */
    static List<String> lines(List<String> rows) {
        List<String> out = new ArrayList<>();
        for (String r : rows) {
            out.addAll(List.of(r.split("\n", -1)));
        }
        return out;
    }
}
