package ai.connecty.athena.local.catalog;

/** A table or partition-key column as Glue stores it: the type in Hive spelling ({@code int}, {@code array<string>}). */
public record ColumnDef(String name, String type, String comment) {

    public ColumnDef {
        name = name.toLowerCase(java.util.Locale.ROOT);
        comment = comment == null ? "" : comment;
    }

    public static ColumnDef of(String name, String type) {
        return new ColumnDef(name, type, "");
    }
}
