package ai.connecty.athena.jdbc.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command's arguments and exit statuses, for what needs no AWS endpoint. */
class DoctorCommandTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return DoctorCommand.run(Arrays.asList(args), new PrintStream(bytes, true, StandardCharsets.UTF_8), env::get);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertThat(run(Map.of(), "--help")).isEqualTo(DoctorCommand.WORKS);
        assertThat(run(Map.of(), "-h")).isEqualTo(DoctorCommand.WORKS);
    }

    @Test
    void withoutAUrlItPrintsTheUsage() {
        assertThat(run(Map.of())).isEqualTo(DoctorCommand.USAGE);
        assertThat(output()).contains("usage: doctor [--run-query [--query-wait SECS]]").contains("exit status: 0 the connection will work");
    }

    @Test
    void anUnsetPasswordVariableIsNamed() {
        assertThat(run(Map.of(), "--password-env", "NOPE", "jdbc:connecty-athena://Region=us-east-1")).isEqualTo(64);
        assertThat(output()).contains("Environment variable NOPE (--password-env) is not set.");
    }

    @Test
    void anUnknownOptionIsRefusedWithoutEchoingTheUrl() {
        assertThat(run(Map.of(), "--fast", "jdbc:connecty-athena://password=s3cr3t")).isEqualTo(64);
        assertThat(output()).contains("Unexpected argument '--fast'").doesNotContain("s3cr3t");
    }

    @Test
    void aBadUrlFailsTheConfigurationCheckBeforeAnyCallAndNeverShowsTheSecret() {
        int exit = run(Map.of("SECRET", "Sup3rSecretValue/0123456789"), "--user", "AKIAEXAMPLE", "--password-env",
                "SECRET", "jdbc:connecty-athena://Region=us-east-1;OutputLocation=ftp://bucket/");

        assertThat(exit).isEqualTo(DoctorCommand.FAILED);
        assertThat(output().lines()).hasSize(2);
        assertThat(output()).startsWith("FAIL  configuration: ").contains("OutputLocation").contains("[SQLState 08001]")
                .contains("Result: 1 check failed: the connection will not work until fixed.")
                .doesNotContain("Sup3rSecretValue");
    }

    @Test
    void aDenialNamesTheGuidesStatementAndWhereItLives() {
        assertThat(GuideAction.GLUE_GET_TABLES.grantFix("arn:aws:glue:us-east-1:1:table/d/t", true))
                .isEqualTo("allow glue:GetTables on arn:aws:glue:us-east-1:1:table/d/t in the role's policy "
                        + "(statement GlueReadOnly of the connection guide)");
        assertThat(GuideAction.S3_PUT_OBJECT.grantFix(null, false))
                .isEqualTo("allow s3:PutObject in the user's policy (statement PutResultsObjects of the connection guide)");
        assertThat(GuideAction.ASSUME_ROLE.grantFix(null, false)).contains("in the role's trust policy");
    }

    @Test
    void aPasswordEnvWithoutItsNameDoesNotEchoTheUrlThatFollows() {
        assertThat(run(Map.of(), "--password-env", "jdbc:connecty-athena://Region=us-east-1;password=s3cr3tValue"))
                .isEqualTo(DoctorCommand.USAGE);
        assertThat(output()).contains("--password-env needs the name of an environment variable")
                .doesNotContain("s3cr3tValue");
    }

    @Test
    void anOptionWithoutItsValueSaysSo() {
        assertThat(run(Map.of(), "jdbc:connecty-athena://Region=us-east-1", "--user")).isEqualTo(DoctorCommand.USAGE);
        assertThat(output()).contains("--user needs a value").doesNotContain("Unexpected argument");
    }

    @Test
    void aQueryWaitOutsideOneToAnHourIsRefusedWithoutEchoingAUrl() {
        for (String bad : new String[] {"0", "3601", "1.5", "-3", "soon"}) {
            bytes.reset();
            assertThat(run(Map.of(), "--run-query", "--query-wait", bad, "jdbc:connecty-athena://Region=us-east-1"))
                    .as(bad).isEqualTo(DoctorCommand.USAGE);
            assertThat(output()).as(bad).contains("--query-wait needs a whole number of seconds from 1 to 3600, not '"
                    + bad + "'.");
        }
        bytes.reset();
        assertThat(run(Map.of(), "--query-wait", "jdbc:connecty-athena://Region=us-east-1;password=s3cr3tValue"))
                .isEqualTo(DoctorCommand.USAGE);
        assertThat(output()).contains("--query-wait needs a whole number of seconds from 1 to 3600.")
                .doesNotContain("s3cr3tValue");
    }

    @Test
    void anUnknownOptionWithAValueIsRefusedWithoutEchoingTheValue() {
        assertThat(run(Map.of(), "--password=s3cr3tValue", "jdbc:connecty-athena://Region=us-east-1"))
                .isEqualTo(DoctorCommand.USAGE);
        assertThat(output()).contains("Unexpected argument '--password'").doesNotContain("s3cr3tValue");
    }

    @Test
    void credentialsThatCannotBeLoadedAreNotBlamedOnTheNetwork() {
        int exit = run(Map.of(), "jdbc:connecty-athena://Region=us-east-1;CredentialsProvider=ProfileCredentials;"
                + "ProfileName=connecty-doctor-no-such-profile;EndpointOverride=http://127.0.0.1:9");

        assertThat(exit).isEqualTo(DoctorCommand.FAILED);
        assertThat(output()).contains("FAIL  access keys: no credentials could be loaded")
                .doesNotContain("check the network");
    }

    /** A user's provider that fails with an exception of its own. */
    public static final class FailingProvider implements software.amazon.awssdk.auth.credentials.AwsCredentialsProvider {
        @Override
        public software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
            throw new IllegalStateException("vault unreachable");
        }
    }

    @Test
    void aCustomProviderThatThrowsIsALineNotAStackTrace() {
        int exit = run(Map.of(), "jdbc:connecty-athena://Region=us-east-1;CredentialsProvider="
                + FailingProvider.class.getName() + ";EndpointOverride=http://127.0.0.1:9");

        assertThat(exit).isEqualTo(DoctorCommand.FAILED);
        assertThat(output()).contains("FAIL  access keys: no credentials could be loaded")
                .contains("vault unreachable");
    }
}
