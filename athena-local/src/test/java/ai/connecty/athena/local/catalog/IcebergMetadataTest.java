package ai.connecty.athena.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata file keeps every snapshot through encode and decode, and picks the snapshot current at a time. */
class IcebergMetadataTest {

    private static final IcebergSnapshot FIRST = new IcebergSnapshot(11, null, 1_000, "append", "s3://b/t/metadata/1",
            Map.of("added-data-files", "1"), List.of("s3://b/t/data/a.parquet"));
    private static final IcebergSnapshot SECOND = new IcebergSnapshot(22, 11L, 2_000, "delete", "s3://b/t/metadata/2",
            Map.of("total-data-files", "1"), List.of("s3://b/t/data/b.parquet"));

    private final IcebergMetadata two = IcebergMetadata.created("uuid", "s3://b/t/", null).next(FIRST).next(SECOND);

    @Test
    void aNewTableHasNoSnapshot() {
        IcebergMetadata created = IcebergMetadata.created("uuid", "s3://b/t/", "id");
        assertThat(created.currentSnapshotId()).isEqualTo(IcebergMetadata.NO_SNAPSHOT);
        assertThat(created.dataFiles()).isEmpty();
        assertThat(IcebergMetadata.decode(created.encode()).snapshots()).isEmpty();
    }

    @Test
    void everySnapshotSurvivesEncoding() {
        IcebergMetadata decoded = IcebergMetadata.decode(two.encode());
        assertThat(decoded.snapshots()).containsExactly(FIRST, SECOND);
        assertThat(decoded.version()).isEqualTo(2);
        assertThat(decoded.dataFiles()).containsExactly("s3://b/t/data/b.parquet");
        String json = new String(two.encode(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"snapshot-log\"").contains("\"current-snapshot-id\" : 22");
    }

    @Test
    void eachFileIsWrittenOnceWhateverTheNumberOfCommits() {
        IcebergMetadata metadata = IcebergMetadata.created("uuid", "s3://b/t/", null);
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            files.add("s3://b/t/data/f" + i + ".parquet");
            metadata = metadata.next(new IcebergSnapshot(i + 1, i == 0 ? null : (long) i, i, "append", "m" + i,
                    Map.of(), files));
        }
        String json = new String(metadata.encode(), StandardCharsets.UTF_8);
        assertThat(json.split("f150\\.parquet", -1)).hasSize(2);
        IcebergMetadata decoded = IcebergMetadata.decode(metadata.encode());
        assertThat(decoded.snapshot(10).orElseThrow().dataFiles()).hasSize(10).endsWith("s3://b/t/data/f9.parquet");
        assertThat(decoded.dataFiles()).isEqualTo(files);
    }

    @Test
    void theSnapshotAsOfATimeIsTheLastCommittedAtOrBeforeIt() {
        assertThat(two.snapshotAsOf(999)).isEmpty();
        assertThat(two.snapshotAsOf(1_000)).contains(FIRST);
        assertThat(two.snapshotAsOf(1_999)).contains(FIRST);
        assertThat(two.snapshotAsOf(5_000)).contains(SECOND);
        assertThat(two.snapshot(22)).contains(SECOND);
        assertThat(two.snapshot(33)).isEmpty();
    }

    @Test
    void aFileFromBeforeSnapshotsWereKeptReadsAsOneSnapshot() {
        byte[] old = """
                {"format-version":2,"table-uuid":"u","location":"s3://b/t/","last-sequence-number":3,
                 "current-snapshot-id":77,"athena-local-data-files":["s3://b/t/data/x.parquet"]}
                """.getBytes(StandardCharsets.UTF_8);
        IcebergMetadata decoded = IcebergMetadata.decode(old);
        assertThat(decoded.currentSnapshotId()).isEqualTo(77);
        assertThat(decoded.dataFiles()).containsExactly("s3://b/t/data/x.parquet");
    }
}
