package ai.connecty.athena.local.catalog;

import java.util.List;

/**
 * A Hive table's bucketing as Glue's StorageDescriptor records it ({@code BucketColumns}, {@code NumberOfBuckets}):
 * declared by {@code CLUSTERED BY (c) INTO n BUCKETS} or a CTAS's {@code bucketed_by} and {@code bucket_count}.
 * athena-local keeps and shows it but writes no file per bucket: rows are read the same either way.
 */
public record Bucketing(List<String> columns, int count) {

    public Bucketing {
        columns = List.copyOf(columns);
    }
}
