package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.sql.EngineFailure;
import ai.connecty.athena.local.storage.BucketStore;
import ai.connecty.athena.local.storage.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Athena's partition projection: a Hive table with {@code projection.enabled}='true' takes its partitions from its
 * table properties ({@code projection.<col>.*} and {@code storage.location.template}), not from Glue, whose
 * partitions it ignores.
 *
 * <p>Partitions are found by listing the folders under the template's fixed prefix (the text before its first
 * {@code ${col}}) and keeping those whose names fill the template with values the projection defines. That gives
 * the partitions Athena would project that have files, which are the only ones that contribute rows, without
 * enumerating ranges (an hourly date range over years, or an integer range of millions, is never expanded).
 */
public final class PartitionProjection {

    public static final String ENABLED = "projection.enabled";
    public static final String TEMPLATE = "storage.location.template";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final TableDef table;
    private final String template;
    private final Map<String, ProjectedColumn> columns;

    private PartitionProjection(TableDef table, String template, Map<String, ProjectedColumn> columns) {
        this.table = table;
        this.template = template;
        this.columns = columns;
    }

    /** Whether the table's partitions come from projection ({@code projection.enabled}, case-insensitive 'true'). */
    public static boolean isEnabled(TableDef table) {
        return !table.partitionKeys().isEmpty() && !table.isView() && !IcebergMetadata.isIceberg(table)
                && "true".equalsIgnoreCase(parameter(table, ENABLED).trim());
    }

    /** The table's projection, checked as Athena checks it when a query reads the table. */
    public static PartitionProjection of(TableDef table) {
        Map<String, ProjectedColumn> columns = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ColumnDef key : table.partitionKeys()) {
            String type = parameter(table, "projection." + key.name() + ".type").trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                missing.add(key.name());
            } else {
                columns.put(key.name(), column(table, key.name(), type));
            }
        }
        if (!missing.isEmpty()) {
            throw invalid("Table " + table.database() + "." + table.name() + " is configured for partition projection, "
                    + "but the following partition columns are missing projection configuration: " + missing);
        }
        String template = parameter(table, TEMPLATE).trim();
        if (template.isEmpty()) {
            template = defaultTemplate(table);
        }
        Set<String> named = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            named.add(m.group(1));
        }
        for (String n : named) {
            if (!columns.containsKey(n.toLowerCase(Locale.ROOT))) {
                throw invalid("The 'storage.location.template' table property names " + "${" + n
                        + "}, which is not a partition column of " + table.database() + "." + table.name());
            }
        }
        if (!named.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList().containsAll(columns.keySet())) {
            throw invalid("The 'storage.location.template' table property must contain templates for all partition "
                    + "columns!");
        }
        if (!S3Location.isValid(PLACEHOLDER.matcher(template).replaceAll("x"))) {
            throw invalid("The 'storage.location.template' table property is not an S3 location: " + template);
        }
        return new PartitionProjection(table, template, columns);
    }

    /** The partition columns whose values only a query's WHERE can give. */
    public List<String> injectedColumns() {
        return columns.entrySet().stream().filter(e -> e.getValue() instanceof ProjectedColumn.Injected)
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The projected partitions that have a folder now, in partition-key order; {@code now} is the time NOW means
     * (UTC). An injected column's partitions are every folder holding a value of its type (see
     * {@link ProjectedColumn.Injected}).
     */
    public List<PartitionDef> partitions(BucketStore buckets, LocalDateTime now) {
        String folderTemplate = template.endsWith("/") ? template : template + "/";
        int first = folderTemplate.indexOf("${");
        String fixed = folderTemplate.substring(0, folderTemplate.lastIndexOf('/', first) + 1);
        List<String> order = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PLACEHOLDER.matcher(folderTemplate);
        int at = fixed.length();
        m.region(at, folderTemplate.length());
        while (m.find()) {
            String col = m.group(1).toLowerCase(Locale.ROOT);
            regex.append(Pattern.quote(folderTemplate.substring(at, m.start())))
                    .append('(').append(columns.get(col).pattern()).append(')');
            order.add(col);
            at = m.end();
        }
        regex.append(Pattern.quote(folderTemplate.substring(at))).append('$');
        Pattern folder = Pattern.compile(regex.toString());

        Path root = buckets.pathOf(fixed);
        List<PartitionDef> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        double created = System.currentTimeMillis() / 1000.0;
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String relative = root.relativize(dir).toString().replace('\\', '/') + "/";
                Matcher f = folder.matcher(relative);
                if (f.matches()) {
                    partition(f, order, now).ifPresent(values ->
                            found.add(new PartitionDef(values, fixed + relative, created)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The partition-key values of a matched folder, typed for the columns, or empty when one is not projected. */
    private java.util.Optional<List<String>> partition(Matcher f, List<String> order, LocalDateTime now) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int g = 0; g < order.size(); g++) {
            String col = order.get(g);
            String value = f.group(g + 1);
            String seen = byColumn.putIfAbsent(col, value);
            if (seen != null && !seen.equals(value)
                    || !columns.get(col).accepts(value, now)) {
                return java.util.Optional.empty();
            }
        }
        List<String> values = new ArrayList<>();
        for (ColumnDef key : table.partitionKeys()) {
            String value = columns.get(key.name()).typed(byColumn.get(key.name()), key.type());
            if (!holdsType(value, key.type())) {
                return java.util.Optional.empty(); // a stray folder (an injected column's) is no partition
            }
            values.add(value);
        }
        return java.util.Optional.of(values);
    }

    /** Whether {@code value} casts to the partition column's Hive type (numbers and dates checked; text always). */
    private static boolean holdsType(String value, String hiveType) {
        try {
            switch (hiveType.toLowerCase(Locale.ROOT)) {
                case "tinyint", "smallint", "int", "integer", "bigint" -> Long.parseLong(value);
                case "date" -> java.time.LocalDate.parse(value);
                default -> {
                    return true;
                }
            }
            return true;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    /** Without a template, partitions are Hive's {@code <location>/<col>=<value>/…} folders. */
    private static String defaultTemplate(TableDef table) {
        if (table.location() == null || !S3Location.isValid(table.location())) {
            throw invalid("Table " + table.database() + "." + table.name()
                    + " is configured for partition projection but has neither a location nor a "
                    + "'storage.location.template'");
        }
        StringBuilder t = new StringBuilder(S3Location.parse(table.location()).asPrefix().toString());
        for (ColumnDef key : table.partitionKeys()) {
            t.append(key.name()).append("=${").append(key.name()).append("}/");
        }
        return t.toString();
    }

    private static ProjectedColumn column(TableDef table, String col, String type) {
        String prefix = "projection." + col + ".";
        switch (type) {
            case "enum": {
                String values = parameter(table, prefix + "values");
                if (values.isEmpty()) {
                    throw missingProperty(col, "values");
                }
                return new ProjectedColumn.EnumValues(Arrays.asList(values.split(",", -1)));
            }
            case "integer": {
                long[] range = integerRange(col, parameter(table, prefix + "range"));
                long interval = positiveLong(col, "interval", parameter(table, prefix + "interval"), 1);
                int digits = (int) positiveLong(col, "digits", parameter(table, prefix + "digits"), 0);
                return new ProjectedColumn.IntegerRange(range[0], range[1], interval, digits);
            }
            case "date":
                return dateRange(table, col, prefix);
            case "injected":
                return new ProjectedColumn.Injected();
            default:
                throw invalid("Unsupported projection type '" + type + "' for column " + col
                        + " (one of enum, integer, date, injected)");
        }
    }

    private static ProjectedColumn dateRange(TableDef table, String col, String prefix) {
        String format = parameter(table, prefix + "format");
        if (format.isEmpty()) {
            throw missingProperty(col, "format");
        }
        DateTimeFormatter formatter;
        try {
            formatter = ProjectedColumn.DateRange.formatterOf(format);
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid 'projection." + col + ".format' '" + format + "': " + e.getMessage());
        }
        String range = parameter(table, prefix + "range");
        if (range.isEmpty()) {
            throw missingProperty(col, "range");
        }
        String[] bounds = range.split(",", -1);
        if (bounds.length != 2) {
            throw invalid("'projection." + col + ".range' must be 'start,end', not '" + range + "'");
        }
        long interval = positiveLong(col, "interval", parameter(table, prefix + "interval"), 1);
        String unitText = parameter(table, prefix + "interval.unit").trim();
        ChronoUnit unit;
        try {
            unit = unitText.isEmpty() ? ProjectedColumn.DateRange.unitOf(format)
                    : ChronoUnit.valueOf(unitText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid 'projection." + col + ".interval.unit' '" + unitText
                    + "' (one of YEARS, MONTHS, WEEKS, DAYS, HOURS, MINUTES, SECONDS, MILLIS)");
        }
        ProjectedColumn.DateRange date = new ProjectedColumn.DateRange(bounds[0].trim(), bounds[1].trim(), format,
                formatter, interval, unit);
        LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC);
        try {
            if (date.bound(date.start(), now).isAfter(date.bound(date.end(), now))) {
                throw invalid("'projection." + col + ".range' starts after it ends: '" + range + "'");
            }
        } catch (DateTimeParseException e) {
            throw invalid("'projection." + col + ".range' bound '" + e.getParsedString()
                    + "' is neither NOW[+-N UNIT] nor a date in the format '" + format + "'");
        }
        return date;
    }

    private static long[] integerRange(String col, String range) {
        if (range.isEmpty()) {
            throw missingProperty(col, "range");
        }
        String[] parts = range.split(",", -1);
        try {
            if (parts.length == 2) {
                long min = Long.parseLong(parts[0].trim());
                long max = Long.parseLong(parts[1].trim());
                if (min <= max) {
                    return new long[] {min, max};
                }
            }
        } catch (NumberFormatException e) {
            // reported below with the text as written
        }
        throw invalid("'projection." + col + ".range' must be 'min,max' with integers min <= max, not '" + range + "'");
    }

    private static long positiveLong(String col, String name, String text, long absent) {
        if (text.isBlank()) {
            return absent;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("'projection." + col + "." + name + "' must be a positive integer, not '" + text + "'");
    }

    private static EngineFailure missingProperty(String col, String name) {
        return invalid("Missing required table property 'projection." + col + "." + name + "'");
    }

    private static EngineFailure invalid(String message) {
        return EngineFailure.user("INVALID_TABLE_PROPERTY", message);
    }

    private static String parameter(TableDef table, String name) {
        for (Map.Entry<String, String> e : table.parameters().entrySet()) {
            // Glue keeps keys as written; Athena reads projection properties whatever their case.
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue() == null ? "" : e.getValue();
            }
        }
        return "";
    }
}
