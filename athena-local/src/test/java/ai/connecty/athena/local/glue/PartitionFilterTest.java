package ai.connecty.athena.local.glue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.catalog.ColumnDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionFilterTest {

    private static final List<ColumnDef> KEYS = List.of(ColumnDef.of("year", "int"), ColumnDef.of("dt", "string"));

    @Test
    void evaluatesComparisonsInBetweenLikeAndBooleanLogic() {
        List<String> p = List.of("2024", "2024-03-01");
        assertThat(PartitionFilter.parse("year = 2024 AND dt LIKE '2024-03%'", KEYS).test(p)).isTrue();
        assertThat(PartitionFilter.parse("year > 9 AND year <= 2024", KEYS).test(p)).isTrue();
        assertThat(PartitionFilter.parse("year IN (2022, 2023) OR dt = 'x'", KEYS).test(p)).isFalse();
        assertThat(PartitionFilter.parse("year BETWEEN 2020 AND 2030 AND NOT (dt <> '2024-03-01')", KEYS).test(p)).isTrue();
    }
}
