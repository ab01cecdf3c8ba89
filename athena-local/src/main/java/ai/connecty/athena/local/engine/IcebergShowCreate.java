package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.IcebergMetadata;
import ai.connecty.athena.local.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SHOW CREATE TABLE of an Iceberg table in the form Athena prints for one (a {@code CREATE TABLE} without
 * {@code EXTERNAL}, SerDe or formats, {@code table_type} first and lower case), not Hive's {@code CREATE EXTERNAL
 * TABLE}. The layout follows outputs users have published; the properties shown are the table's TBLPROPERTIES
 * (athena-local keeps them in Glue), without the Glue bookkeeping of where the metadata file is.
 */
final class IcebergShowCreate {

    private static final Set<String> HIDDEN = Set.of(IcebergMetadata.TABLE_TYPE, IcebergMetadata.METADATA_LOCATION,
            IcebergMetadata.PREVIOUS_METADATA_LOCATION);

    private IcebergShowCreate() {
    }

    static List<String> lines(TableDef t, String partitioning) {
        List<String> lines = new ArrayList<>();
        lines.add("CREATE TABLE " + t.database() + "." + t.name() + " (");
        List<ColumnDef> columns = t.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            String comment = c.comment().isEmpty() ? "" : " COMMENT '" + c.comment().replace("'", "\\'") + "'";
            lines.add("  " + c.name() + " " + c.type() + comment + (i + 1 < columns.size() ? "," : ")"));
        }
        if (partitioning != null) {
            lines.add("PARTITIONED BY (" + partitioning + ")");
        }
        String location = t.location().endsWith("/") ? t.location().substring(0, t.location().length() - 1)
                : t.location();
        lines.add("LOCATION '" + location + "'");
        lines.add("TBLPROPERTIES (");
        List<String> properties = new ArrayList<>();
        properties.add("  'table_type'='iceberg'");
        for (Map.Entry<String, String> e : t.parameters().entrySet()) {
            if (!HIDDEN.contains(e.getKey())) {
                properties.add("  '" + e.getKey() + "'='" + e.getValue() + "'");
            }
        }
        for (int i = 0; i < properties.size(); i++) {
            lines.add(properties.get(i) + (i + 1 < properties.size() ? "," : ")"));
        }
        return lines;
    }
}
