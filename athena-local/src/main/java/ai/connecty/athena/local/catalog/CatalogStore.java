package ai.connecty.athena.local.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Databases, tables and partitions of every catalog, persisted as one JSON file per catalog under
 * {@code <dataDir>/catalog/} after each change, so user DDL survives a restart. Thread-safe; every lookup is
 * case-insensitive because Glue folds names to lower case.
 */
public final class CatalogStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The persisted form of one catalog. */
    record Contents(Map<String, DatabaseDef> databases, Map<String, TableDef> tables,
                    Map<String, List<PartitionDef>> partitions) {
        static Contents empty() {
            return new Contents(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        }
    }

    private final Path dir;
    private final Map<String, DataCatalog> catalogs = new LinkedHashMap<>();
    private final Map<String, Contents> contents = new LinkedHashMap<>();

    public CatalogStore(Path dataDir, List<DataCatalog> catalogList) {
        this.dir = dataDir.resolve("catalog");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (DataCatalog c : catalogList) {
            catalogs.put(key(c.name()), c);
            contents.put(key(c.name()), load(c));
        }
    }

    public List<DataCatalog> catalogs() {
        return List.copyOf(catalogs.values());
    }

    public Optional<DataCatalog> catalog(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(catalogs.get(key(name)));
    }

    public synchronized List<DatabaseDef> databases(String catalog) {
        return List.copyOf(of(catalog).databases().values());
    }

    public synchronized Optional<DatabaseDef> database(String catalog, String name) {
        return Optional.ofNullable(of(catalog).databases().get(key(name)));
    }

    public synchronized void putDatabase(String catalog, DatabaseDef db) {
        of(catalog).databases().put(db.name(), db);
        save(catalog);
    }

    /** Drops the database and (for CASCADE) its tables; returns the tables that went with it. */
    public synchronized List<TableDef> dropDatabase(String catalog, String name) {
        Contents c = of(catalog);
        c.databases().remove(key(name));
        List<TableDef> dropped = new ArrayList<>();
        c.tables().entrySet().removeIf(e -> {
            if (e.getValue().database().equals(key(name))) {
                dropped.add(e.getValue());
                c.partitions().remove(e.getKey());
                return true;
            }
            return false;
        });
        save(catalog);
        return dropped;
    }

    public synchronized List<TableDef> tables(String catalog, String database) {
        String db = key(database);
        return of(catalog).tables().values().stream().filter(t -> t.database().equals(db))
                .sorted(Comparator.comparing(TableDef::name)).toList();
    }

    public synchronized Optional<TableDef> table(String catalog, String database, String name) {
        return Optional.ofNullable(of(catalog).tables().get(tableKey(database, name)));
    }

    public synchronized void putTable(String catalog, TableDef table) {
        of(catalog).tables().put(tableKey(table.database(), table.name()), table);
        save(catalog);
    }

    /** Adds or replaces many tables with one write of the catalog file, for seeding large catalogs in tests. */
    public synchronized void putTables(String catalog, java.util.Collection<TableDef> tables) {
        Contents c = of(catalog);
        for (TableDef table : tables) {
            c.tables().put(tableKey(table.database(), table.name()), table);
        }
        save(catalog);
    }

    public synchronized void dropTable(String catalog, String database, String name) {
        Contents c = of(catalog);
        c.tables().remove(tableKey(database, name));
        c.partitions().remove(tableKey(database, name));
        save(catalog);
    }

    public synchronized List<PartitionDef> partitions(String catalog, String database, String table) {
        return List.copyOf(of(catalog).partitions().getOrDefault(tableKey(database, table), List.of()));
    }

    /** Adds partitions whose values are not registered yet; returns the ones added. */
    public synchronized List<PartitionDef> addPartitions(String catalog, String database, String table,
                                                         List<PartitionDef> added) {
        List<PartitionDef> list = new ArrayList<>(partitions(catalog, database, table));
        List<PartitionDef> fresh = new ArrayList<>();
        for (PartitionDef p : added) {
            if (list.stream().noneMatch(e -> e.values().equals(p.values()))) {
                list.add(p);
                fresh.add(p);
            }
        }
        of(catalog).partitions().put(tableKey(database, table), list);
        save(catalog);
        return fresh;
    }

    public synchronized boolean dropPartition(String catalog, String database, String table, List<String> values) {
        List<PartitionDef> list = new ArrayList<>(partitions(catalog, database, table));
        boolean removed = list.removeIf(p -> p.values().equals(values));
        of(catalog).partitions().put(tableKey(database, table), list);
        save(catalog);
        return removed;
    }

    /**
     * Gives the partition of values {@code from} the values {@code to}, keeping its location and creation time (a
     * rename changes what the partition is called, not where its files are).
     */
    public synchronized void renamePartition(String catalog, String database, String table, List<String> from,
                                             List<String> to) {
        List<PartitionDef> list = new ArrayList<>(partitions(catalog, database, table));
        list.replaceAll(p -> p.values().equals(from) ? new PartitionDef(to, p.location(), p.createTime()) : p);
        of(catalog).partitions().put(tableKey(database, table), list);
        save(catalog);
    }

    private Contents of(String catalog) {
        Contents c = contents.get(key(catalog));
        if (c == null) {
            throw new IllegalArgumentException("Unknown catalog " + catalog);
        }
        return c;
    }

    private Contents load(DataCatalog catalog) {
        Path file = fileOf(catalog.name());
        if (!Files.isRegularFile(file)) {
            return Contents.empty();
        }
        try {
            Contents read = JSON.readValue(file.toFile(), Contents.class);
            return new Contents(new TreeMap<>(read.databases()), new TreeMap<>(read.tables()),
                    new TreeMap<>(read.partitions()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog file " + file + "; delete it to start afresh", e);
        }
    }

    private void save(String catalog) {
        Path file = fileOf(catalogs.get(key(catalog)).name());
        try {
            Path tmp = Files.createTempFile(dir, ".catalog-", ".tmp");
            JSON.writeValue(tmp.toFile(), of(catalog));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path fileOf(String catalogName) {
        return dir.resolve(key(catalogName) + ".json");
    }

    private static String tableKey(String database, String table) {
        return key(database) + "." + key(table);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
