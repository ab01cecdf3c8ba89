package ai.connecty.athena.local.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One schema of an Iceberg table, as its metadata file lists them under {@code schemas}: columns tracked by id, so
 * a rename keeps the id (and the data) and a column dropped and added again under its old name gets a new id (and
 * reads NULL in files written before). Types are kept in Hive spelling, as the Glue columns show them.
 */
public record IcebergSchema(int schemaId, List<Field> fields) {

    /** One column: its id never changes and is never reused. */
    public record Field(int id, String name, String type, String comment) {
        public ColumnDef column() {
            return new ColumnDef(name, type, comment);
        }
    }

    public IcebergSchema {
        fields = List.copyOf(fields);
    }

    /** The schema a table created with {@code columns} starts with: ids 1, 2, … in column order, as Iceberg numbers. */
    public static IcebergSchema initial(List<ColumnDef> columns) {
        List<Field> fields = new ArrayList<>();
        for (ColumnDef c : columns) {
            fields.add(new Field(fields.size() + 1, c.name(), c.type(), c.comment()));
        }
        return new IcebergSchema(0, fields);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<Field> field(int id) {
        return fields.stream().filter(f -> f.id() == id).findFirst();
    }

    public int highestId() {
        return fields.stream().mapToInt(Field::id).max().orElse(0);
    }

    /** The columns Glue shows for this schema. */
    public List<ColumnDef> columns() {
        return fields.stream().map(Field::column).toList();
    }
}
