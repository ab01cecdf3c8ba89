package ai.connecty.athena.local.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of an Iceberg table's partition spec, read from the {@code PARTITIONED BY} text athena-local keeps in
 * its metadata file ({@code category, day(ts), bucket(16, id)}): each a source column and Iceberg's transform name
 * as its spec writes it ({@code identity}, {@code day}, {@code bucket[16]}, {@code truncate[10]}). athena-local keeps
 * only the text, not Iceberg's partition-specs structure, so the spec is recovered here where it is shown.
 */
record IcebergPartitionFields(List<Field> fields) {

    /** One partition field: the column it is computed from and Iceberg's name of the transform. */
    record Field(String column, String transform) {
    }

    /** The fields of {@code partitioning} (the PARTITIONED BY text, or null for an unpartitioned table). */
    static IcebergPartitionFields of(String partitioning) {
        List<Field> fields = new ArrayList<>();
        if (partitioning != null) {
            for (String item : splitTopLevel(partitioning)) {
                fields.add(field(item.strip()));
            }
        }
        return new IcebergPartitionFields(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private static Field field(String item) {
        int open = item.indexOf('(');
        if (open < 0 || !item.endsWith(")")) {
            return new Field(unquote(item), "identity");
        }
        String function = item.substring(0, open).strip().toLowerCase(Locale.ROOT);
        List<String> args = splitTopLevel(item.substring(open + 1, item.length() - 1));
        if (args.size() == 2) {
            // bucket(16, id) and truncate(10, name): Athena's order, the width first; Iceberg writes bucket[16].
            return new Field(unquote(args.get(1).strip()), function + "[" + args.get(0).strip() + "]");
        }
        // year(ts), month(ts), day(ts), hour(ts); Iceberg's spec names them so (Spark's plural forms are aliases).
        String transform = switch (function) {
            case "years" -> "year";
            case "months" -> "month";
            case "days" -> "day";
            case "hours" -> "hour";
            default -> function;
        };
        return new Field(unquote(args.get(0).strip()), transform);
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("`") && name.endsWith("`")
                || name.startsWith("\"") && name.endsWith("\""))) {
            name = name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** {@code text} split at the commas outside parentheses. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (!text.substring(start).isBlank()) {
            parts.add(text.substring(start));
        }
        return parts;
    }
}
