package ai.connecty.athena.local.engine;

import ai.connecty.athena.local.catalog.ColumnDef;
import ai.connecty.athena.local.catalog.IcebergSchema;
import ai.connecty.athena.local.engine.ddl.DdlStatement;
import ai.connecty.athena.local.sql.AthenaTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Iceberg's schema evolution as Athena's ALTER TABLE runs it: ADD COLUMNS, DROP COLUMN and CHANGE COLUMN each make
 * the next schema from the current one. Columns keep their ids, so a renamed column keeps its data; an added
 * column gets a fresh id (one above Iceberg's {@code last-column-id}), so re-adding a dropped name does not bring
 * back the old values. Failures carry the messages of Iceberg's SchemaUpdate, which Athena passes on.
 */
final class IcebergSchemaChanges {

    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),(\\d+)\\)");

    private final IcebergSchema current;
    private final int nextSchemaId;
    private int lastColumnId;

    IcebergSchemaChanges(IcebergSchema current, int nextSchemaId, int lastColumnId) {
        this.current = current;
        this.nextSchemaId = nextSchemaId;
        this.lastColumnId = lastColumnId;
    }

    IcebergSchema add(List<ColumnDef> columns) {
        List<IcebergSchema.Field> fields = new ArrayList<>(current.fields());
        for (ColumnDef c : columns) {
            if (fields.stream().anyMatch(f -> f.name().equals(c.name()))) {
                throw new IllegalArgumentException("Cannot add column, name already exists: " + c.name());
            }
            AthenaTypes.duckDbTypeForHive(c.type());
            fields.add(new IcebergSchema.Field(++lastColumnId, c.name(), c.type(), c.comment()));
        }
        return new IcebergSchema(nextSchemaId, fields);
    }

    IcebergSchema drop(String column) {
        IcebergSchema.Field field = current.field(column).orElseThrow(() ->
                new IllegalArgumentException("Cannot delete missing column: " + column));
        if (current.fields().size() == 1) {
            // Iceberg would write a schema with no columns; Trino's connector refuses it first.
            throw new IllegalArgumentException("Cannot drop the only column in a table");
        }
        List<IcebergSchema.Field> fields = new ArrayList<>(current.fields());
        fields.remove(field);
        return new IcebergSchema(nextSchemaId, fields);
    }

    IcebergSchema change(DdlStatement.ChangeColumn change) {
        IcebergSchema.Field old = current.field(change.from()).orElseThrow(() ->
                new IllegalArgumentException("Cannot update missing column: " + change.from()));
        String name = change.to().toLowerCase(Locale.ROOT);
        if (!name.equals(old.name()) && current.field(name).isPresent()) {
            throw new IllegalArgumentException("Cannot rename " + old.name() + " to " + name
                    + ": a column of that name already exists");
        }
        if (!change.type().equals(old.type()) && !isPromotion(old.type(), change.type())) {
            throw new IllegalArgumentException("Cannot change column type: " + old.name() + ": " + old.type() + " -> "
                    + change.type());
        }
        IcebergSchema.Field changed = new IcebergSchema.Field(old.id(), name, change.type(),
                change.comment() == null ? old.comment() : change.comment());
        List<IcebergSchema.Field> fields = new ArrayList<>(current.fields());
        int at = fields.indexOf(old);
        fields.remove(at);
        if (change.first()) {
            at = 0;
        } else if (change.after() != null) {
            Optional<IcebergSchema.Field> after = fields.stream()
                    .filter(f -> f.name().equalsIgnoreCase(change.after())).findFirst();
            at = fields.indexOf(after.orElseThrow(() -> new IllegalArgumentException(
                    "Cannot move " + old.name() + " after missing column: " + change.after()))) + 1;
        }
        fields.add(at, changed);
        return new IcebergSchema(nextSchemaId, fields);
    }

    /** Iceberg's allowed promotions: int to bigint, float to double, a decimal to a higher precision, same scale. */
    static boolean isPromotion(String from, String to) {
        if (from.equals("int") && to.equals("bigint") || from.equals("float") && to.equals("double")) {
            return true;
        }
        Matcher a = DECIMAL.matcher(from);
        Matcher b = DECIMAL.matcher(to);
        return a.matches() && b.matches() && a.group(2).equals(b.group(2))
                && Integer.parseInt(b.group(1)) >= Integer.parseInt(a.group(1));
    }
}
