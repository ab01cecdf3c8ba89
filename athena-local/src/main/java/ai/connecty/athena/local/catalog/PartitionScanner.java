package ai.connecty.athena.local.catalog;

import ai.connecty.athena.local.storage.BucketStore;
import ai.connecty.athena.local.storage.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds Hive-style partition folders ({@code key=value/...}) under a table location, as MSCK REPAIR TABLE does. */
public final class PartitionScanner {

    private final BucketStore buckets;

    public PartitionScanner(BucketStore buckets) {
        this.buckets = buckets;
    }

    public List<PartitionDef> scan(TableDef table) {
        List<PartitionDef> found = new ArrayList<>();
        if (table.partitionKeys().isEmpty() || table.location() == null || !S3Location.isValid(table.location())) {
            return found;
        }
        S3Location root = S3Location.parse(table.location()).asPrefix();
        walk(root, buckets.pathOf(root.toString()), table.partitionKeys(), 0, new ArrayList<>(), found);
        return found;
    }

    private void walk(S3Location at, Path dir, List<ColumnDef> keys, int level, List<String> values,
                      List<PartitionDef> found) {
        if (level == keys.size()) {
            found.add(new PartitionDef(values, at.toString(), Instant.now().toEpochMilli() / 1000.0));
            return;
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        String prefix = keys.get(level).name() + "=";
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                String folder = child.getFileName().toString();
                if (folder.toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                    List<String> next = new ArrayList<>(values);
                    next.add(URLDecoder.decode(folder.substring(prefix.length()), StandardCharsets.UTF_8));
                    walk(at.child(folder + "/"), child, keys, level + 1, next, found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
