package ai.connecty.athena.local.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.engine.result.ResultMetadata;
import ai.connecty.athena.local.sql.AthenaTypes;
import ai.connecty.athena.local.sql.OutputColumn;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMetadataTest {

    @Test
    void selectOneMatchesAthenaBytes() {
        String engineId = "20260917_085344_00007_k6s5b";
        byte[] bytes = ResultMetadata.encode(engineId, null, null,
                List.of(new OutputColumn("_col0", AthenaTypes.fromDuckDb("INTEGER"))));
        String expectedTail = "2225" + "0a0468697665" + "22055f636f6c30" + "2a055f636f6c30" + "3207696e7465676572"
                + "380a" + "4000" + "4803" + "5000";
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("0a1b" + HexFormat.of().formatHex(engineId.getBytes())
                + expectedTail);
    }

    @Test
    void insertSidecarIs75Bytes() {
        byte[] bytes = ResultMetadata.encode("20260917_085344_00007_k6s5b", "INSERT", 1L, List.of(TableWriter.ROWS_COLUMN));
        assertThat(bytes).hasSize(75);
    }
}
