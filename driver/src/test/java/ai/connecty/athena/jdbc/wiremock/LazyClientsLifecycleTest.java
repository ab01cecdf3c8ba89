package ai.connecty.athena.jdbc.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.aws.AwsClients;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A connection builds its Glue and S3 clients on first use (AwsClients): one that never reads metadata or an S3
 * result builds neither, the first metadata reads of several threads build Glue once, and closing the connection
 * closes what it built. (The race of a build with close() is AwsClientsTest's.)
 */
class LazyClientsLifecycleTest {
    private static final String GLUE_TABLES = "{\"TableList\":[{\"Name\":\"orders\",\"TableType\":\"EXTERNAL_TABLE\","
            + "\"StorageDescriptor\":{\"Columns\":[{\"Name\":\"id\",\"Type\":\"bigint\"}]},\"PartitionKeys\":[]}]}";

    @RegisterExtension
    final WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void aConnectionThatReadsNoMetadataBuildsNeitherGlueNorS3() throws Exception {
        int built = AwsClients.lazyBuiltCount();
        int open = AwsClients.lazyOpenCount();
        try (Connection connection = AthenaWire.connect(aws.getPort(), "")) {
            assertThat(connection.isValid(1)).isTrue();
            assertThat(connection.getMetaData().getDatabaseProductName()).isNotEmpty();
        }
        assertThat(AwsClients.lazyBuiltCount()).isEqualTo(built);
        assertThat(AwsClients.lazyOpenCount()).isEqualTo(open);
    }

    @Test
    void concurrentFirstMetadataReadsBuildGlueOnceAndCloseClosesIt() throws Exception {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetTables"))
                .willReturn(AthenaWire.json(GLUE_TABLES)));
        int built = AwsClients.lazyBuiltCount();
        int open = AwsClients.lazyOpenCount();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Connection connection = AthenaWire.connect(aws.getPort(), "MetadataCacheTtlSeconds=0")) {
            DatabaseMetaData metaData = connection.getMetaData();
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                names.add(pool.submit(() -> {
                    start.await();
                    try (ResultSet tables = metaData.getTables(null, "sales", "%", null)) {
                        tables.next();
                        return tables.getString("TABLE_NAME");
                    }
                }));
            }
            for (Future<String> name : names) {
                assertThat(name.get()).isEqualTo("orders");
            }
            assertThat(AwsClients.lazyBuiltCount() - built).as("one Glue client, and no S3 client").isEqualTo(1);
            assertThat(AwsClients.lazyOpenCount() - open).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(AwsClients.lazyOpenCount()).as("closed with the connection").isEqualTo(open);
    }
}
