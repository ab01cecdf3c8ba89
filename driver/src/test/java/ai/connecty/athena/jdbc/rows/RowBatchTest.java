package ai.connecty.athena.jdbc.rows;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.results.TextRow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A batch written as the CSV reader writes it and read as the result set reads it, past every initial capacity
 * (bytes, fields, rows, row views), with NULLs, empty values and a dropped row.
 */
class RowBatchTest {
    private static void field(RowBatch batch, String value) {
        int start = batch.used;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        batch.append(bytes, 0, bytes.length);
        batch.addField(start);
    }

    @Test
    void rowsPastEveryInitialCapacityReadBackWhole() {
        RowBatch batch = new RowBatch(4);
        int rows = 300;
        for (int r = 0; r < rows; r++) {
            batch.startRow();
            // 5 fields a row: 1500 fields in all, past the 1024 first reserved.
            field(batch, "r" + r);
            batch.addNull();
            field(batch, "");
            field(batch, "é" + r);
            field(batch, "x");
            assertThat(batch.endRow()).isEqualTo(5);
        }
        assertThat(batch.rows()).isEqualTo(rows);
        for (int r = 0; r < rows; r++) {
            TextRow row = batch.row(r);
            assertThat(row.size()).isEqualTo(5);
            assertThat(row.text(0)).isEqualTo("r" + r);
            assertThat(row.text(1)).isNull();
            assertThat(row.slice(1)).isNull();
            assertThat(row.text(2)).isEmpty();
            assertThat(row.text(3)).isEqualTo("é" + r);
            assertThat(row.slice(3).toString()).isEqualTo("é" + r);
            assertThat(row.text(4)).isEqualTo("x");
        }
        assertThat(batch.row(7)).isSameAs(batch.row(7));
    }

    @Test
    void rowsOfDifferentLengthsKeepTheirOwnSize() {
        RowBatch batch = new RowBatch(16);
        batch.startRow();
        field(batch, "a");
        batch.endRow();
        batch.startRow();
        field(batch, "b");
        field(batch, "c");
        field(batch, "d");
        batch.endRow();
        batch.startRow();
        batch.endRow();
        assertThat(batch.row(0).size()).isEqualTo(1);
        assertThat(batch.row(1).size()).isEqualTo(3);
        assertThat(batch.row(1).text(2)).isEqualTo("d");
        assertThat(batch.row(2).size()).isZero();
    }

    @Test
    void aDroppedRowLeavesNoFieldAndNoByte() {
        RowBatch batch = new RowBatch(16);
        batch.startRow();
        field(batch, "kept");
        batch.endRow();
        int used = batch.used;
        batch.startRow();
        field(batch, "dropped");
        batch.addNull();
        batch.dropRow();
        assertThat(batch.used).isEqualTo(used);
        batch.startRow();
        field(batch, "next");
        batch.endRow();
        assertThat(batch.rows()).isEqualTo(2);
        assertThat(batch.row(1).size()).isEqualTo(1);
        assertThat(batch.row(1).text(0)).isEqualTo("next");
    }

    @Test
    void aClearedBatchIsReusedFromItsStart() {
        RowBatch batch = new RowBatch(8);
        batch.startRow();
        field(batch, "old value");
        batch.endRow();
        TextRow view = batch.row(0);
        batch.clear();
        assertThat(batch.rows()).isZero();
        assertThat(batch.used).isZero();
        batch.startRow();
        field(batch, "new");
        batch.endRow();
        // The view made before is the view of index 0, and reads what the batch holds there now.
        assertThat(view.text(0)).isEqualTo("new");
        assertThat(view.size()).isEqualTo(1);
        assertThat(batch.capacity()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void reservedFieldsWrittenDirectlyAreTheRecordsFields() {
        RowBatch batch = new RowBatch(4);
        byte[] record = "ab,cde".getBytes(StandardCharsets.US_ASCII);
        batch.startRow();
        int first = batch.reserveFields(5000);
        assertThat(first).isZero();
        assertThat(batch.fieldStart.length).isGreaterThanOrEqualTo(5000);
        batch.fieldStart[0] = 0;
        batch.fieldEnd[0] = 2;
        batch.fieldStart[1] = 3;
        batch.fieldEnd[1] = 6;
        batch.copyRecord(record, 0, record.length, 2);
        assertThat(batch.endRow()).isEqualTo(2);
        assertThat(batch.row(0).text(0)).isEqualTo("ab");
        assertThat(batch.row(0).text(1)).isEqualTo("cde");
    }
}
