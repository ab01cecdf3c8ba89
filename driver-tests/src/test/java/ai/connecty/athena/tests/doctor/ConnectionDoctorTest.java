package ai.connecty.athena.tests.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.jdbc.doctor.DoctorCommand;
import ai.connecty.athena.jdbc.doctor.GuideAction;
import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * The connection doctor against athena-local, for the guide's setup and a matrix of broken ones: each broken
 * setup must produce its own line with its own fix, and the exit status must say whether the connection works.
 */
class ConnectionDoctorTest {
    private static final String KEY = LocalAthena.SERVICE_ACCOUNT_KEY_ID;
    private static final String SECRET = LocalAthena.SERVICE_ACCOUNT_SECRET;
    private static final String SA = "arn:aws:iam::123456789012:user/connecty-sa";
    private static final String ROLE = LocalAthena.ROLE_ARN;

    @TempDir
    static Path dataDir;
    private static LocalAthena athena;

    @BeforeAll
    static void start() throws Exception {
        athena = BrokenSetups.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (athena != null) {
            athena.close();
        }
    }

    /** What the command printed and its exit status. */
    private record Run(int exit, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private static Run doctor(String secret, String... urlPropertiesThenFlags) {
        return doctorAs(KEY, secret, urlPropertiesThenFlags);
    }

    private static Run doctorAs(String key, String secret, String... urlPropertiesThenFlags) {
        List<String> properties = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < urlPropertiesThenFlags.length; i++) {
            String each = urlPropertiesThenFlags[i];
            (each.startsWith("--") ? args : properties).add(each);
            if (each.equals("--query-wait")) {
                args.add(urlPropertiesThenFlags[++i]);
            }
        }
        StringBuilder url = new StringBuilder("jdbc:connecty-athena://EndpointOverride=" + athena.endpoint());
        boolean hasRegion = properties.stream().anyMatch(p -> p.startsWith("Region="));
        if (!hasRegion) {
            url.append(";Region=us-east-1");
        }
        if (properties.stream().noneMatch(p -> p.startsWith("Database="))) {
            url.append(";Database=demo");
        }
        properties.forEach(p -> url.append(';').append(p));
        args.addAll(List.of("--user", key, "--password-env", "SECRET", url.toString()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = DoctorCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Map.of("SECRET", secret)::get);
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).as("the secret is never echoed").doesNotContain(SECRET);
        if (secret.length() >= 16) { // the administrator's secret "test" is a common word
            assertThat(output).as("the secret is never echoed").doesNotContain(secret);
        }
        return new Run(exit, output);
    }

    @Test
    void theGuidesSetupPassesEveryCheckAndRunsTheQuery() {
        Run run = doctor(SECRET, "RoleArn=" + ROLE, "OutputLocation=s3://athena-results/doctor/", "--run-query");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.lines()).as(run.output()).noneMatch(line -> line.startsWith("FAIL"))
                .contains("PASS  access keys: valid: they belong to " + SA + " (sts:GetCallerIdentity)",
                        "PASS  region: us-east-1", "PASS  workgroup: primary exists and is ENABLED",
                        "PASS  output location: s3://athena-results/doctor/",
                        "PASS  s3:GetBucketLocation (Sid WriteResultsBucket): bucket athena-results is in us-east-1",
                        "PASS  catalog: AwsDataCatalog (GLUE)", "PASS  database: demo",
                        "Result: the connection will work.")
                .anyMatch(line -> line.startsWith("PASS  role: assumed " + ROLE + " as arn:aws:sts::123456789012:"
                        + "assumed-role/connecty-athena/"))
                .anyMatch(line -> line.startsWith("PASS  athena:StartQueryExecution (Sid AthenaStartQueryInWorkgroupAndDb)"))
                .anyMatch(line -> line.startsWith("PASS  s3:PutObject (Sid PutResultsObjects): Athena wrote s3://athena-results/doctor/"))
                .anyMatch(line -> line.startsWith("PASS  athena:GetQueryResults (Sid AthenaReadExecAndHistory)"))
                .anyMatch(line -> line.startsWith("PASS  glue:GetTables (Sid GlueReadOnly)"))
                .anyMatch(line -> line.startsWith("SKIP  workgroup settings: athena:GetWorkGroup is not allowed"));
    }

    /** Athena folds database names to lower case: Database=DEMO is the database demo, not a missing one. */
    @Test
    void aDatabaseNameInAnotherCaseIsTheSameDatabase() {
        Run run = doctor(SECRET, "RoleArn=" + ROLE, "OutputLocation=s3://athena-results/doctor/", "Database=DEMO");

        assertThat(run.lines()).as(run.output()).contains("PASS  database: DEMO")
                .noneMatch(line -> line.startsWith("WARN  database"));
    }

    @Test
    void withoutConsentNoQueryRunsAndTheExitStatusSaysNotConfirmed() {
        int before = athena.requestLog().entries().size();
        Run run = doctor(SECRET, "RoleArn=" + ROLE, "OutputLocation=s3://athena-results/doctor/");

        assertThat(run.exit()).as(run.output()).isEqualTo(DoctorCommand.NOT_CONFIRMED);
        assertThat(run.lines()).anyMatch(line -> line.startsWith("SKIP  query: not run"))
                .contains("Result: no problem found; rerun with --run-query to prove that query results can be written.");
        assertThat(athena.requestLog().entries().subList(before, athena.requestLog().entries().size()))
                .as("no GetQueryExecution: nothing ran").noneMatch(e -> "GetQueryExecution".equals(e.action()));
    }

    @Test
    void aWrongSecretIsNamedAndStopsTheWalk() {
        Run run = doctor("Wr0ngSecretWr0ngSecretWr0ngSecretWr0ngSe", "RoleArn=" + ROLE,
                "OutputLocation=s3://athena-results/", "--run-query");

        assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
        assertThat(run.lines()).as(run.output()).anyMatch(line -> line.startsWith(
                "FAIL  access keys: the secret access key does not match access key id " + KEY + ": ")
                && line.endsWith("-> fix: set password to the secret access key created with " + KEY
                        + "; if it is lost, create a new access key for the service account"));
        assertThat(run.output()).doesNotContain("role:");
    }

    @Test
    void aRoleThatDoesNotTrustTheServiceAccountIsNamed() {
        Run run = doctor(SECRET, "RoleArn=" + BrokenSetups.UNTRUSTING_ROLE, "OutputLocation=s3://athena-results/");

        assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
        assertThat(run.lines()).as(run.output()).anyMatch(line -> line.startsWith("FAIL  role: " + SA
                + " may not assume " + BrokenSetups.UNTRUSTING_ROLE + ": ")
                && line.contains("-> fix: the role's trust policy must name " + SA + " as Principal for sts:AssumeRole "
                        + "(statement AllowConnectyAIUserToAssume of the connection guide)"));
    }

    @ParameterizedTest
    @EnumSource(value = GuideAction.class, names = "ASSUME_ROLE", mode = EnumSource.Mode.EXCLUDE)
    void eachPermissionRemovedIsNamedWithItsStatement(GuideAction removed) {
        Run run = doctor(SECRET, "RoleArn=" + BrokenSetups.roleWithout(removed), "OutputLocation=s3://athena-results/",
                "--run-query");

        boolean degradesOnly = removed.action().startsWith("glue:") || removed == GuideAction.S3_GET_OBJECT;
        String outcome = degradesOnly ? "WARN" : "FAIL";
        assertThat(run.lines()).as(run.output()).anyMatch(line ->
                line.startsWith(outcome + "  " + removed.action() + " (Sid " + removed.sid() + "): ")
                        && line.contains("-> fix: allow " + removed.action())
                        && line.contains("in the role's policy (statement " + removed.sid() + " of the connection guide)"));
        assertThat(run.lines()).as("only the removed action fails").filteredOn(line -> line.startsWith("FAIL")
                || line.startsWith("WARN")).allMatch(line -> line.contains(removed.action()));
        assertThat(run.exit()).isEqualTo(degradesOnly ? DoctorCommand.WORKS : DoctorCommand.FAILED);
    }

    @Test
    void aWrongRegionIsToldByTheOutputBucketsRegion() {
        Run run = doctor(SECRET, "Region=eu-west-1", "RoleArn=" + ROLE, "OutputLocation=s3://athena-results/");

        assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
        assertThat(run.lines()).as(run.output()).contains("FAIL  region: Region is eu-west-1 but the output bucket "
                + "athena-results is in us-east-1 -> fix: set Region=us-east-1 if your Athena catalog is there, or use "
                + "an output bucket in eu-west-1");
    }

    @Test
    void aRegionThatDoesNotExistIsRefusedBeforeAnyCall() {
        Run run = doctor(SECRET, "Region=eu-wset-1", "RoleArn=" + ROLE, "OutputLocation=s3://athena-results/");

        assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
        assertThat(run.lines()).contains("FAIL  region: 'eu-wset-1' is not an AWS Region -> fix: set Region to the "
                + "region of your Athena catalog, e.g. us-east-1 or eu-west-1");
    }

    @Test
    void anUnknownWorkgroupListsTheExistingOnes() {
        Run run = doctor(SECRET, "RoleArn=" + ROLE, "WorkGroup=reporting", "OutputLocation=s3://athena-results/");

        assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
        assertThat(run.lines()).as(run.output()).contains("FAIL  workgroup: 'reporting' does not exist in us-east-1 "
                + "(existing: analytics, managed, primary) -> fix: set WorkGroup to an existing workgroup, or check Region");
    }

    @Test
    void anHttpsOutputLocationWorksWithAWarningToWriteItAsS3() {
        Run run = doctor(SECRET, "RoleArn=" + ROLE, "OutputLocation=https://s3.amazonaws.com/athena-results/doctor/",
                "--run-query");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.lines()).as(run.output()).contains("PASS  output location: s3://athena-results/doctor/")
                .anyMatch(line -> line.startsWith("WARN  configuration: ") && line.contains("s3://athena-results/doctor/"));
    }

    @Test
    void aBucketTheRoleMayNotUseIsNamedWithTheOtherAccountHint() {
        Run run = doctor(SECRET, "RoleArn=" + ROLE, "OutputLocation=s3://" + BrokenSetups.FOREIGN_BUCKET + "/results/");

        assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
        assertThat(run.lines()).as(run.output()).anyMatch(line ->
                line.startsWith("FAIL  s3:GetBucketLocation (Sid WriteResultsBucket): ")
                        && line.endsWith("-> fix: allow s3:GetBucketLocation on arn:aws:s3:::partner-results in the "
                        + "role's policy (statement WriteResultsBucket of the connection guide); if the bucket belongs "
                        + "to another AWS account, its bucket policy must allow the same (and consider "
                        + "ExpectedBucketOwner)"));
    }

    @Test
    void noOutputLocationOnAWorkgroupWithoutOneIsTheOutputLocationCheck() {
        Run run = doctor(SECRET, "RoleArn=" + ROLE);

        assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
        assertThat(run.lines()).as(run.output()).anyMatch(line -> line.startsWith("FAIL  output location: "
                + "OutputLocation is not set and workgroup primary does not enforce one")
                && line.endsWith("-> fix: set OutputLocation to s3://<bucket>/<prefix>/, or use a workgroup that "
                        + "enforces one"));
    }

    /** The administrator may also read the workgroup's settings (GetWorkGroup), which the guide's role may not. */
    @Test
    void noOutputLocationOnAWorkgroupThatEnforcesOneIsFine() {
        Run run = doctorAs("test", "test", "WorkGroup=analytics", "--run-query");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.lines()).as(run.output()).contains(
                "PASS  workgroup settings: analytics enforces the output location s3://athena-results/analytics/ "
                        + "(OutputLocation is ignored)",
                "PASS  output location: not set; workgroup analytics supplies s3://athena-results/analytics/",
                "SKIP  role: no RoleArn: the user's own policy must grant the guide's permissions");
    }

    @Test
    void aWorkgroupTheRolesPolicyDoesNotNameIsDeniedWithTheStatementToExtend() {
        Run run = doctor(SECRET, "RoleArn=" + ROLE, "WorkGroup=analytics");

        assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
        assertThat(run.lines()).as(run.output()).anyMatch(line ->
                line.startsWith("FAIL  athena:StartQueryExecution (Sid AthenaStartQueryInWorkgroupAndDb): ")
                        && line.endsWith("-> fix: allow athena:StartQueryExecution on "
                        + "arn:aws:athena:us-east-1:123456789012:workgroup/analytics in the role's policy (statement "
                        + "AthenaStartQueryInWorkgroupAndDb of the connection guide)"));
    }

    @Test
    void aMalformedOutputLocationIsAConfigurationFailureNamingTheProperty() {
        Run run = doctor(SECRET, "RoleArn=" + ROLE, "OutputLocation=ftp://athena-results/");

        assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).startsWith("FAIL  configuration: ").contains("OutputLocation")
                .contains("[SQLState 08001]");
    }

    /**
     * A query that outlasts --query-wait is not left running (and billing) after the doctor ends: the administrator
     * may stop it; the guide's role may not, and the line says so rather than pretending.
     */
    @Test
    void aQueryThatOutlastsTheWaitIsStoppedOrNamedAsStillRunning() {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(60_000)));
        try {
            Run admin = doctorAs("test", "test", "OutputLocation=s3://athena-results/doctor/", "--run-query",
                    "--query-wait", "1");
            Run guide = doctor(SECRET, "RoleArn=" + ROLE, "OutputLocation=s3://athena-results/doctor/", "--run-query",
                    "--query-wait", "1");

            assertThat(admin.exit()).as(admin.output()).isEqualTo(DoctorCommand.FAILED);
            String line = admin.lines().stream().filter(l -> l.startsWith("FAIL  query: ")).findFirst().orElseThrow();
            assertThat(line).as(admin.output()).matches("FAIL  query: SELECT 1 \\(query \\S+\\) did not finish within 1 s "
                    + "\\(still (QUEUED|RUNNING)\\); the doctor stopped it -> fix: the workgroup may be busy; rerun with "
                    + "a longer --query-wait");
            String id = line.substring("FAIL  query: SELECT 1 (query ".length(), line.indexOf(')'));
            try (AthenaClient client = AthenaClient.builder().endpointOverride(athena.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build()) {
                assertThat(client.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status().state())
                        .isEqualTo(QueryExecutionState.CANCELLED);
            }

            assertThat(guide.exit()).as(guide.output()).isEqualTo(DoctorCommand.FAILED);
            assertThat(guide.lines()).as(guide.output()).anyMatch(l -> l.startsWith("FAIL  query: SELECT 1 (query ")
                    && l.contains("did not finish within 1 s") && l.contains("it could not be stopped (athena:"
                    + "StopQueryExecution is not allowed; the guide's policy does not need it) and runs on until it "
                    + "ends; stop it in the Athena console"));
        } finally {
            athena.faults().clear();
        }
    }

    /** Primary supplies no output location; with the probe denied, nothing tells whether a workgroup supplies one. */
    @Test
    void noOutputLocationIsNotPassedWhenTheProbeCouldNotTellIt() {
        Run denied = doctor(SECRET, "RoleArn=" + BrokenSetups.roleWithout(GuideAction.START_QUERY_EXECUTION));
        Run unknownWorkGroup = doctor(SECRET, "RoleArn=" + ROLE, "WorkGroup=reporting");

        for (Run run : List.of(denied, unknownWorkGroup)) {
            assertThat(run.exit()).isEqualTo(DoctorCommand.FAILED);
            assertThat(run.lines()).as(run.output()).noneMatch(line -> line.startsWith("PASS  output location"))
                    .anyMatch(line -> line.startsWith("SKIP  output location: not set; whether workgroup "));
        }
    }
}
