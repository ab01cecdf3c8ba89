package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import ai.connecty.athena.tests.plain.HostKeysProvider;
import ai.connecty.athena.tests.plain.HostWithOwnSdkProgram;
import ai.connecty.athena.tests.plain.PlainJavaProgram;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code -all} jar first on a class path that also holds another release of the AWS SDK and the host's own
 * SLF4J: the host keeps its SDK (nothing of the driver's bundled SDK shadows it), the driver runs real queries,
 * AssumeRole and Glue calls through its relocated copy, and its logs reach the host's SLF4J.
 */
@ExtendWith(LocalAthenaExtension.class)
class AllJarBesideOtherSdkTest {

    private static LocalAthena athena;

    @Test
    void theAllJarAndTheHostsOwnSdkWorkSideBySide() throws Exception {
        String classpath = String.join(File.pathSeparator, ClientClasspaths.allJar(), ClientClasspaths.hostSdk(),
                ClientClasspaths.clientLibraries());
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN);

        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.run(classpath,
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.connecty=debug"),
                HostWithOwnSdkProgram.class, athena.endpoint().toString(), url, LocalAthena.SERVICE_ACCOUNT_KEY_ID,
                LocalAthena.SERVICE_ACCOUNT_SECRET, "SELECT country FROM demo.customers GROUP BY country ORDER BY country");
        String output = outcome.output();

        assertThat(outcome.exitCode()).as(output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines).as(output).contains("host sdk " + ClientClasspaths.HOST_SDK_VERSION)
                .contains("host caller arn:aws:iam::123456789012:user/connecty-sa")
                .contains("host caller again arn:aws:iam::123456789012:user/connecty-sa")
                .containsSubsequence("row BR", "row DE", "row FR", "row JP", "row US")
                .anyMatch(line -> line.matches("driver .+ \\d+\\.\\d+\\.\\d+.*"))
                .anyMatch(line -> line.matches("demo tables [1-9]\\d*"));
        assertThat(output).as("the driver's SLF4J output reached the host's slf4j-simple")
                .containsPattern("DEBUG ai\\.connecty\\.athena\\.jdbc\\.AthenaDriver - Connecting with");
        assertThat(output).doesNotContain(LocalAthena.SERVICE_ACCOUNT_SECRET);
    }

    /** CredentialsProvider names a class built on the host's SDK: the -all jar adapts it to its relocated one. */
    @Test
    void aCredentialsProviderWrittenAgainstTheHostsSdkWorks() throws Exception {
        String classpath = String.join(File.pathSeparator, ClientClasspaths.allJar(), ClientClasspaths.hostSdk());
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN,
                "CredentialsProvider=" + HostKeysProvider.class.getName());

        DriverOnlyJvm.Outcome outcome = DriverOnlyJvm.run(classpath,
                List.of("-Dhost.key=" + LocalAthena.SERVICE_ACCOUNT_KEY_ID, "-Dhost.secret=" + LocalAthena.SERVICE_ACCOUNT_SECRET),
                PlainJavaProgram.class, url, "", "", "SELECT country FROM demo.customers GROUP BY country ORDER BY country");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output().lines().toList()).containsSubsequence("BR", "DE", "FR", "JP", "US");
    }
}
