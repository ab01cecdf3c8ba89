package ai.connecty.athena.bench;

import ai.connecty.athena.local.LocalAthena;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The transport limit: the same result file downloaded with the SDK alone, in ranged GETs of the driver's part
 * size with as many at once as the driver's budget allows, every byte read and thrown away. What the S3 row
 * source takes beyond this is parsing and the getters.
 */
final class TransportLimit implements AutoCloseable {
    /**
     * The driver's download shape as docs/ARCHITECTURE.md states it (parts of 8 MiB, at most 4 held at once).
     * Written out here because the benchmarks use the driver's public API only; if the driver's defaults change,
     * change these with them.
     */
    static final int PART_SIZE = 8 * 1024 * 1024;
    static final int PARTS_AHEAD = 4;

    private final S3Client s3;
    private final ExecutorService pool = Executors.newFixedThreadPool(PARTS_AHEAD);

    TransportLimit(LocalAthena local) {
        s3 = S3Client.builder().httpClient(Apache5HttpClient.create()).region(Region.of(LocalAthena.REGION))
                .endpointOverride(local.endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** Seconds to download the {@code size} bytes of s3://bucket/key (size known: no HEAD); checks they all came. */
    double download(String bucket, String key, long size) throws Exception {
        long start = System.nanoTime();
        int part = PART_SIZE;
        List<Future<Long>> parts = new ArrayList<>();
        for (long first = 0; first < size; first += part) {
            long from = first;
            long to = Math.min(size, first + part) - 1;
            parts.add(pool.submit(() -> {
                long read = 0;
                byte[] buffer = new byte[64 * 1024];
                try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key)
                        .range("bytes=" + from + "-" + to))) {
                    for (int n; (n = ((InputStream) in).read(buffer)) > 0; ) {
                        read += n;
                    }
                }
                return read;
            }));
        }
        long total = 0;
        for (Future<Long> f : parts) {
            total += f.get();
        }
        if (total != size) {
            throw new IllegalStateException("downloaded " + total + " of " + size + " bytes");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        s3.close();
    }
}
