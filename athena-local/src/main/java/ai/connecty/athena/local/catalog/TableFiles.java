package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.storage.BucketStore;
import ai.connecty.athena.local.storage.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the data files behind a table location the way Athena does: every file below the folder, except the
 * hidden ones Hive skips (names starting with {@code _} or {@code .}, which also covers the bucket store's
 * temp files).
 */
public final class TableFiles {

    private final BucketStore buckets;

    public TableFiles(BucketStore buckets) {
        this.buckets = buckets;
    }

    /**
     * The files a table reads: those of its Iceberg table's current snapshot (other files under the location are
     * older snapshots' or not yet committed), or every visible file under its location.
     */
    public List<Path> of(TableDef table) {
        if (!IcebergMetadata.isIceberg(table)) {
            return under(table.location());
        }
        return paths(icebergMetadata(table).dataFiles());
    }

    /** The local files behind {@code s3Uris} (an Iceberg snapshot's data files) that still exist. */
    public List<Path> paths(List<String> s3Uris) {
        return List.copyOf(recorded(s3Uris).keySet());
    }

    /**
     * The local files behind an Iceberg snapshot's data files that still exist, each with its URI as the metadata
     * records it ({@code s3://}, {@code s3a://} or {@code s3n://}, see {@link S3Location#parseDataFile}), in order.
     */
    public Map<Path, String> recorded(List<String> dataFiles) {
        Map<Path, String> found = new LinkedHashMap<>();
        for (String uri : dataFiles) {
            Path local = buckets.pathOf(S3Location.parseDataFile(uri).toString());
            if (Files.isRegularFile(local)) {
                found.putIfAbsent(local, uri);
            }
        }
        return found;
    }

    /** The S3 URI of the object a local file of the bucket store holds: {@code s3://bucket/key}. */
    public String s3Uri(Path file) {
        Path relative = buckets.root().relativize(file.toAbsolutePath().normalize());
        return "s3://" + relative.toString().replace('\\', '/');
    }

    /** The current version of an Iceberg table, as its Glue parameter {@code metadata_location} names it. */
    public IcebergMetadata icebergMetadata(TableDef table) {
        S3Location at = S3Location.parse(table.parameters().get(IcebergMetadata.METADATA_LOCATION));
        byte[] content = buckets.read(at.bucket(), at.key()).orElseThrow(() -> new IllegalStateException(
                "Iceberg metadata file " + at + " of table " + table.name() + " is missing"));
        return IcebergMetadata.decode(content);
    }

    public List<Path> under(String s3Location) {
        if (s3Location == null || !S3Location.isValid(s3Location)) {
            return List.of();
        }
        Path dir = buckets.pathOf(S3Location.parse(s3Location).asPrefix().toString());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(dir.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long totalBytes(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // a file deleted between listing and sizing simply is not scanned
            }
        }
        return total;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String n = part.toString();
            if (n.startsWith("_") || n.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
