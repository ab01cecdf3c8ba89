package ai.connecty.athena.local.catalog;

import java.util.List;
import java.util.Map;

/**
 * One commit of an Iceberg table as athena-local records it: what Trino's {@code $snapshots} and {@code $history}
 * tables show of a snapshot, plus the full list of its data files so that time travel can read the table as it was.
 *
 * @param snapshotId   the snapshot's id, random and positive as Iceberg makes them
 * @param parentId     the snapshot current before this commit, or null for the table's first
 * @param committedAt  commit time, epoch milliseconds
 * @param operation    Iceberg's name for the change: {@code append}, {@code delete}, {@code overwrite}, {@code replace}
 * @param manifestList where the snapshot's file list lives: athena-local's metadata file of the commit (no Avro
 *                     manifest list is written)
 * @param summary      Iceberg-style counts of the commit ({@code added-data-files}, {@code total-data-files}, …)
 * @param dataFiles    the S3 URIs of the table's data files in this snapshot
 * @param schemaId     the schema current when the statement read the table, so the one the files it added were
 *                     written with ({@link IcebergMetadata#UNKNOWN_SCHEMA} for snapshots recorded before schemas)
 */
public record IcebergSnapshot(long snapshotId, Long parentId, long committedAt, String operation,
                              String manifestList, Map<String, String> summary, List<String> dataFiles,
                              int schemaId) {

    public IcebergSnapshot(long snapshotId, Long parentId, long committedAt, String operation, String manifestList,
                           Map<String, String> summary, List<String> dataFiles) {
        this(snapshotId, parentId, committedAt, operation, manifestList, summary, dataFiles,
                IcebergMetadata.UNKNOWN_SCHEMA);
    }

    public IcebergSnapshot {
        summary = Map.copyOf(summary);
        dataFiles = List.copyOf(dataFiles);
    }
}
