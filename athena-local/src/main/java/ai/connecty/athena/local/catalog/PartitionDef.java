package ai.connecty.athena.local.catalog;

import java.util.List;

/** One registered partition: its key values (in partition-key order, as strings) and its folder. */
public record PartitionDef(List<String> values, String location, double createTime) {

    public PartitionDef {
        values = List.copyOf(values);
    }
}
