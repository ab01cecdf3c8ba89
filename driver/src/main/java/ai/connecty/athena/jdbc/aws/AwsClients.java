package ai.connecty.athena.jdbc.aws;

import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/** STUB (owned by the config/auth work): the SDK clients of one connection, closed with it. */
public final class AwsClients implements AutoCloseable {
    public AthenaClient athena() { throw new UnsupportedOperationException("stub"); }
    public GlueClient glue() { throw new UnsupportedOperationException("stub"); }
    public S3Client s3() { throw new UnsupportedOperationException("stub"); }
    @Override
    public void close() { }
}
