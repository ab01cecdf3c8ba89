package ai.connecty.athena.tests.plain;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * An application's own credentials provider, written against its own AWS SDK (not the driver's relocated copy);
 * named by CredentialsProvider. Reads the keys from the system properties host.key and host.secret.
 */
public final class HostKeysProvider implements AwsCredentialsProvider {

    @Override
    public AwsCredentials resolveCredentials() {
        return AwsBasicCredentials.create(System.getProperty("host.key"), System.getProperty("host.secret"));
    }
}
