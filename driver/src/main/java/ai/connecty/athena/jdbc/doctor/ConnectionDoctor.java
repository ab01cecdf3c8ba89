package ai.connecty.athena.jdbc.doctor;

import ai.connecty.athena.jdbc.auth.CredentialsProviders;
import ai.connecty.athena.jdbc.auth.CredentialsUnavailable;
import ai.connecty.athena.jdbc.aws.DiagnosticClients;
import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.execution.StatementExecution;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.DataCatalogSummary;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroupSummary;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Walks the connection guide's prerequisites in its order (keys, role, region, workgroup, output location,
 * catalogs, Glue, the query path) with the connection's own settings, and says for each whether it holds and,
 * when not, what to change. It calls only actions of the guide's policy (plus GetCallerIdentity, which needs no
 * permission, and GetWorkGroup, whose denial is expected), and runs a query only when asked to.
 */
public final class ConnectionDoctor {
    /** Rejected by Athena's syntax check after the permission and output-location checks: it never runs. */
    static final String PROBE_STATEMENT = "-- connecty-athena-jdbc doctor: permission probe, never runs\nSELECT FROM";
    static final String TEST_QUERY = "-- connecty-athena-jdbc doctor: connection test\nSELECT 1";
    /** How long --run-query waits for SELECT 1 unless told otherwise: a queued workgroup can take a while. */
    public static final Duration DEFAULT_QUERY_WAIT = Duration.ofSeconds(120);

    private final ConnectionConfig config;
    private final boolean runQuery;
    private final Duration queryWait;
    private final List<CheckResult> results = new ArrayList<>();

    private boolean viaRole;
    private String workGroupEnforcedLocation;
    private boolean outputLocationMissing;
    /** The probe got past Athena's output-location check (so an unset OutputLocation is supplied by the workgroup). */
    private boolean probePassedOutputCheck;

    private ConnectionDoctor(ConnectionConfig config, boolean runQuery, Duration queryWait) {
        this.config = config;
        this.runQuery = runQuery;
        this.queryWait = queryWait;
    }

    /** Every check, in order; the list stops early where nothing after a failure could be checked. */
    public static List<CheckResult> examine(ConnectionConfig config, boolean runQuery) {
        return examine(config, runQuery, DEFAULT_QUERY_WAIT);
    }

    /** @param queryWait how long the query of {@code runQuery} may take before it is stopped and reported */
    public static List<CheckResult> examine(ConnectionConfig config, boolean runQuery, Duration queryWait) {
        ConnectionDoctor doctor = new ConnectionDoctor(config, runQuery, queryWait);
        doctor.run();
        return doctor.results;
    }

    private void run() {
        for (SQLWarning warning : config.warnings()) {
            results.add(CheckResult.warn("configuration", warning.getMessage(),
                    "change the property the warning names"));
        }
        if (!regionKnown()) {
            return;
        }
        try (DiagnosticClients clients = new DiagnosticClients(config)) {
            AwsCredentialsProvider base;
            try {
                base = CredentialsProviders.base(config, clients::unsignedSts);
            } catch (SQLException e) {
                results.add(CheckResult.fail(credentialsLabel(), e.getMessage(), "set user and password to the service "
                        + "account's access key id and secret access key"));
                return;
            }
            if (!credentialsLoad(base)) {
                return;
            }
            StsClient sts = clients.sts(base);
            Optional<String> caller = callerIdentity(sts);
            if (!caller.isPresent()) {
                return;
            }
            Optional<AwsCredentialsProvider> credentials = assumeRole(sts, caller.get(), base);
            if (!credentials.isPresent()) {
                return;
            }
            // The bucket first: its region is the best evidence of a wrong Region, which makes every later
            // denial misleading.
            S3Client s3 = clients.s3(credentials.get());
            outputBucket(s3);
            AthenaClient athena = clients.athena(credentials.get());
            workGroup(athena);
            startQueryProbe(athena);
            if (!config.outputLocation().isPresent() && !outputLocationMissing) {
                if (workGroupEnforcedLocation != null || probePassedOutputCheck) {
                    results.add(CheckResult.pass("output location", workGroupEnforcedLocation != null
                            ? "not set; workgroup " + config.workGroup() + " supplies " + workGroupEnforcedLocation
                            : "not set; workgroup " + config.workGroup() + " supplies one"));
                } else {
                    results.add(CheckResult.skip("output location", "not set; whether workgroup "
                            + config.workGroup() + " supplies one is known once the StartQueryExecution probe "
                            + "above gets through"));
                }
            }
            Optional<String> catalogType = catalogs(athena);
            databases(athena);
            if (catalogType.map("GLUE"::equalsIgnoreCase).orElse(false)) {
                glue(clients.glue(credentials.get()));
            } else {
                results.add(CheckResult.skip("glue", "catalog " + config.catalog() + " is not a Glue catalog: "
                        + "the driver reads its metadata through Athena's ListDatabases and ListTableMetadata"));
            }
            queryPath(athena, s3);
        } catch (SdkException | IllegalArgumentException e) {
            results.add(CheckResult.fail("AWS clients", String.valueOf(e.getMessage()), "check Region, the "
                    + "endpoint properties (EndpointOverride, AthenaEndpoint...) and the proxy settings"));
        }
    }

    private boolean regionKnown() {
        String region = config.region();
        if (region == null || region.isEmpty()) {
            results.add(CheckResult.fail("region", "no Region is set and the AWS SDK's region chain found none",
                    "set Region to the region of your Athena catalog, e.g. us-east-1"));
            return false;
        }
        if (!Region.regions().contains(Region.of(region))) {
            results.add(CheckResult.fail("region", "'" + region + "' is not an AWS Region",
                    "set Region to the region of your Athena catalog, e.g. us-east-1 or eu-west-1"));
            return false;
        }
        results.add(CheckResult.pass("region", region));
        return true;
    }

    /**
     * Loads the credentials before STS is asked: a missing profile or an empty default chain fails here, on this
     * machine, and must not read as a network problem.
     */
    private boolean credentialsLoad(AwsCredentialsProvider base) {
        try {
            base.resolveCredentials();
            return true;
        } catch (RuntimeException e) { // SdkException, or anything a CredentialsProvider class of the user's throws
            Optional<CredentialsUnavailable> unavailable = CredentialsUnavailable.within(e);
            if (unavailable.isPresent()) {
                // Signing in again, a new token or the role's trust policy is the whole fix; the keys advice below
                // would send the user the wrong way.
                results.add(CheckResult.fail(unavailable.get().source(), "no credentials could be loaded: "
                        + unavailable.get().problem(), unavailable.get().fix()));
                return false;
            }
            String why = e instanceof SdkException ? String.valueOf(e.getMessage()) : e.toString();
            if (config.webIdentity()) {
                results.add(CheckResult.fail(credentialsLabel(), "STS AssumeRoleWithWebIdentity of "
                        + config.jwtRoleArn().orElse("") + " failed: " + why, "check the network, the proxy "
                        + "(ProxyHost, ProxyPort) and StsEndpoint/EndpointOverride"));
                return false;
            }
            results.add(CheckResult.fail("access keys", "no credentials could be loaded: " + why,
                    "set user and password (or --user and --password-env), or correct CredentialsProvider / "
                            + "ProfileName so that the provider finds the service account's keys"));
            return false;
        }
    }

    /** What the first checks are about: the keys, or with CredentialsProvider=JWT the token (there are no keys). */
    private String credentialsLabel() {
        return config.webIdentity() ? "web identity token" : "access keys";
    }

    private Optional<String> callerIdentity(StsClient sts) {
        String keyId = config.accessKeyId().orElse(null);
        try {
            String arn = sts.getCallerIdentity().arn();
            results.add(config.webIdentity()
                    ? CheckResult.pass(credentialsLabel(), "accepted: STS AssumeRoleWithWebIdentity signed in as "
                            + arn + " (sts:GetCallerIdentity)")
                    : CheckResult.pass("access keys", "valid: they belong to " + arn + " (sts:GetCallerIdentity)"));
            return Optional.of(arn);
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e);
            if (failure.kind() == AwsFailure.Kind.UNKNOWN_KEY) {
                results.add(CheckResult.fail("access keys", "access key id " + keyId + " is not known to AWS: "
                        + failure.describe(), "set user to an active access key id of the service account "
                        + "(IAM -> Users -> the user -> Security credentials)"));
            } else if (failure.kind() == AwsFailure.Kind.BAD_CREDENTIALS) {
                results.add(CheckResult.fail("access keys", "the secret access key does not match access key id "
                        + keyId + ": " + failure.describe(), "set password to the secret access key created with "
                        + keyId + "; if it is lost, create a new access key for the service account"));
            } else {
                results.add(CheckResult.fail("access keys", "STS could not check the keys: " + failure.describe(),
                        "check the network, the proxy (ProxyHost, ProxyPort) and StsEndpoint"));
            }
            return Optional.empty();
        }
    }

    private Optional<AwsCredentialsProvider> assumeRole(StsClient sts, String caller, AwsCredentialsProvider base) {
        if (!config.roleArn().isPresent()) {
            results.add(CheckResult.skip("role", "no RoleArn: the user's own policy must grant the guide's "
                    + "permissions"));
            return Optional.of(base);
        }
        String roleArn = config.roleArn().get();
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(roleArn)
                .roleSessionName(config.roleSessionName()).durationSeconds(config.roleSessionDurationSeconds());
        config.externalId().ifPresent(request::externalId);
        try {
            AssumeRoleResponse response = sts.assumeRole(request.build());
            viaRole = true;
            results.add(CheckResult.pass("role", "assumed " + roleArn + " as " + response.assumedRoleUser().arn()
                    + " (" + GuideAction.ASSUME_ROLE.label() + ")"));
            return Optional.of(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    response.credentials().accessKeyId(), response.credentials().secretAccessKey(),
                    response.credentials().sessionToken())));
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e);
            if (failure.kind() == AwsFailure.Kind.DENIED) {
                results.add(CheckResult.fail("role", caller + " may not assume " + roleArn + ": "
                        + failure.describe(), "the role's trust policy must name " + caller + " as Principal for "
                        + "sts:AssumeRole (statement AllowConnectyAIUserToAssume of the connection guide)"
                        + (config.externalId().isPresent() ? " with this ExternalId" : "")
                        + ", and the user's own policy must allow sts:AssumeRole on " + roleArn));
            } else {
                results.add(CheckResult.fail("role", "could not assume " + roleArn + ": " + failure.describe(),
                        "check RoleArn (arn:aws:iam::<account>:role/<name>), ExternalId and RoleSessionDuration "
                                + "(at most the role's maximum session duration)"));
            }
            return Optional.empty();
        }
    }

    private void workGroup(AthenaClient athena) {
        String name = config.workGroup();
        List<WorkGroupSummary> workGroups;
        try {
            workGroups = athena.listWorkGroupsPaginator(b -> { }).stream().flatMap(page -> page.workGroups().stream())
                    .collect(Collectors.toList());
            results.add(CheckResult.pass(GuideAction.LIST_WORK_GROUPS.label(), workGroups.size() + " workgroups"));
        } catch (SdkException e) {
            denied(GuideAction.LIST_WORK_GROUPS, e, true);
            return;
        }
        Optional<WorkGroupSummary> match = workGroups.stream().filter(w -> name.equals(w.name())).findFirst();
        if (!match.isPresent()) {
            results.add(CheckResult.fail("workgroup", "'" + name + "' does not exist in " + config.region()
                    + " (existing: " + workGroups.stream().map(WorkGroupSummary::name).sorted()
                    .collect(Collectors.joining(", ")) + ")", "set WorkGroup to an existing workgroup, or check "
                    + "Region"));
            return;
        }
        if (!"ENABLED".equalsIgnoreCase(match.get().stateAsString())) {
            results.add(CheckResult.fail("workgroup", name + " is " + match.get().stateAsString(),
                    "enable the workgroup in the Athena console, or set WorkGroup to an enabled one"));
            return;
        }
        results.add(CheckResult.pass("workgroup", name + " exists and is ENABLED"));
        try {
            WorkGroupConfiguration settings = athena.getWorkGroup(b -> b.workGroup(name)).workGroup().configuration();
            boolean enforced = settings != null && Boolean.TRUE.equals(settings.enforceWorkGroupConfiguration())
                    && settings.resultConfiguration() != null && settings.resultConfiguration().outputLocation() != null;
            workGroupEnforcedLocation = enforced ? settings.resultConfiguration().outputLocation() : null;
            results.add(CheckResult.pass("workgroup settings", enforced
                    ? name + " enforces the output location " + workGroupEnforcedLocation + " (OutputLocation is ignored)"
                    : name + " does not enforce an output location"));
        } catch (SdkException e) {
            results.add(CheckResult.skip("workgroup settings", "athena:GetWorkGroup is not allowed ("
                    + AwsFailure.of(e).describe() + "); the guide's policy does not grant it and the driver does not "
                    + "need it, so whether " + name + " enforces an output location is learned from the "
                    + "StartQueryExecution probe below"));
        }
    }

    /**
     * StartQueryExecution with a statement Athena rejects at its syntax check, which comes after the IAM check,
     * the workgroup lookup and the output-location check: the answer tells all three, and no query runs.
     */
    private void startQueryProbe(AthenaClient athena) {
        GuideAction action = GuideAction.START_QUERY_EXECUTION;
        try {
            athena.startQueryExecution(queryRequest(PROBE_STATEMENT));
            probePassedOutputCheck = true;
            results.add(CheckResult.pass(action.label(), "allowed in workgroup " + config.workGroup()));
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e);
            String message = failure.message().toLowerCase(Locale.ROOT);
            if (failure.kind() == AwsFailure.Kind.DENIED) {
                denied(action, e, true);
            } else if (message.contains("no output location")) {
                results.add(CheckResult.pass(action.label(), "allowed in workgroup " + config.workGroup()));
                outputLocationMissing = true;
                results.add(CheckResult.fail("output location", "OutputLocation is not set and workgroup "
                        + config.workGroup() + " does not enforce one (Athena: " + failure.describe() + ")",
                        "set OutputLocation to s3://<bucket>/<prefix>/, or use a workgroup that enforces one"));
            } else if (message.contains("workgroup") && (message.contains("not found") || message.contains("not exist"))) {
                results.add(CheckResult.fail("workgroup", "Athena does not know workgroup " + config.workGroup()
                        + ": " + failure.describe(), "set WorkGroup to an existing workgroup, or check Region"));
            } else if (failure.kind() == AwsFailure.Kind.INVALID_REQUEST) {
                probePassedOutputCheck = true;
                results.add(CheckResult.pass(action.label(), "allowed in workgroup " + config.workGroup()
                        + " (probed with a statement Athena refuses before running it: no query ran)"));
            } else {
                results.add(CheckResult.fail(action.label(), failure.describe(), "check the network, "
                        + "AthenaEndpoint/EndpointOverride and Region"));
            }
        }
    }

    private void outputBucket(S3Client s3) {
        Optional<String> location = config.outputLocation();
        if (!location.isPresent()) {
            return; // the StartQueryExecution probe tells whether the workgroup supplies one
        }
        String uri = location.get();
        String bucket = uri.substring("s3://".length()).split("/", 2)[0];
        String prefix = uri.substring(("s3://" + bucket + "/").length());
        results.add(CheckResult.pass("output location", uri));
        String bucketArn = "arn:aws:s3:::" + bucket;
        String otherAccount = "; if the bucket belongs to another AWS account, its bucket policy must allow the same"
                + (config.expectedBucketOwner().isPresent() ? "" : " (and consider ExpectedBucketOwner)");
        try {
            String constraint = s3.getBucketLocation(b -> b.bucket(bucket)
                    .expectedBucketOwner(config.expectedBucketOwner().orElse(null))).locationConstraintAsString();
            String bucketRegion = constraint == null || constraint.isEmpty() ? "us-east-1"
                    : "EU".equals(constraint) ? "eu-west-1" : constraint;
            results.add(CheckResult.pass(GuideAction.S3_GET_BUCKET_LOCATION.label(), "bucket " + bucket + " is in "
                    + bucketRegion));
            if (!bucketRegion.equals(config.region())) {
                results.add(CheckResult.fail("region", "Region is " + config.region() + " but the output bucket "
                        + bucket + " is in " + bucketRegion, "set Region=" + bucketRegion + " if your Athena catalog "
                        + "is there, or use an output bucket in " + config.region()));
            }
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e);
            if (failure.kind() == AwsFailure.Kind.NOT_FOUND) {
                results.add(CheckResult.fail("output location", "bucket " + bucket + " does not exist: "
                        + failure.describe(), "create the bucket, or set OutputLocation to an existing one"));
                return;
            }
            results.add(CheckResult.fail(GuideAction.S3_GET_BUCKET_LOCATION.label(), failure.describe(),
                    GuideAction.S3_GET_BUCKET_LOCATION.grantFix(bucketArn, viaRole) + otherAccount));
        }
        try {
            s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(1)
                    .expectedBucketOwner(config.expectedBucketOwner().orElse(null)));
            results.add(CheckResult.pass(GuideAction.S3_LIST_BUCKET.label(), "listed " + uri));
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e);
            if (failure.kind() == AwsFailure.Kind.NOT_FOUND) {
                return; // already reported by GetBucketLocation
            }
            results.add(CheckResult.fail(GuideAction.S3_LIST_BUCKET.label(), failure.describe(),
                    GuideAction.S3_LIST_BUCKET.grantFix(bucketArn, viaRole) + otherAccount));
        }
    }

    private Optional<String> catalogs(AthenaClient athena) {
        List<DataCatalogSummary> catalogs;
        try {
            catalogs = athena.listDataCatalogsPaginator(b -> { }).dataCatalogsSummary().stream()
                    .collect(Collectors.toList());
        } catch (SdkException e) {
            denied(GuideAction.LIST_DATA_CATALOGS, e, true);
            return Optional.empty();
        }
        results.add(CheckResult.pass(GuideAction.LIST_DATA_CATALOGS.label(), catalogs.stream()
                .map(c -> c.catalogName() + " (" + c.typeAsString() + ")").collect(Collectors.joining(", "))));
        Optional<DataCatalogSummary> match = catalogs.stream()
                .filter(c -> c.catalogName().equalsIgnoreCase(config.catalog())).findFirst();
        if (!match.isPresent()) {
            results.add(CheckResult.fail("catalog", "'" + config.catalog() + "' is not among the data catalogs",
                    "set Catalog to one of: " + catalogs.stream().map(DataCatalogSummary::catalogName)
                            .collect(Collectors.joining(", "))));
            return Optional.empty();
        }
        results.add(CheckResult.pass("catalog", config.catalog() + " (" + match.get().typeAsString() + ")"));
        return Optional.of(match.get().typeAsString());
    }

    private void databases(AthenaClient athena) {
        String catalog = config.catalog();
        List<String> names;
        try {
            names = athena.listDatabasesPaginator(b -> b.catalogName(catalog)).databaseList().stream()
                    .map(d -> d.name()).collect(Collectors.toList());
            results.add(CheckResult.pass(GuideAction.LIST_DATABASES.label(), names.size() + " databases in "
                    + catalog));
        } catch (SdkException e) {
            denied(GuideAction.LIST_DATABASES, e, true);
            return;
        }
        // Athena resolves the context database ignoring case (Database=DEMO is demo), so the listing is too.
        Optional<String> listed = names.stream().filter(name -> name.equalsIgnoreCase(config.database())).findFirst();
        if (listed.isEmpty()) {
            results.add(CheckResult.warn("database", "'" + config.database() + "' is not in " + catalog
                    + ": unqualified table names will not resolve", "set Database to one of: "
                    + String.join(", ", names)));
            return;
        }
        String database = listed.get();
        results.add(CheckResult.pass("database", config.database()));
        try {
            athena.listTableMetadata(b -> b.catalogName(catalog).databaseName(database).maxResults(1));
            results.add(CheckResult.pass(GuideAction.LIST_TABLE_METADATA.label(), "tables of " + catalog + "."
                    + database + " listed"));
        } catch (SdkException e) {
            denied(GuideAction.LIST_TABLE_METADATA, e, true);
        }
    }

    /** Glue denials degrade metadata (the driver falls back to Athena's APIs) but do not stop queries: WARN. */
    private void glue(GlueClient glue) {
        String database = config.database().toLowerCase(Locale.ROOT); // Glue keeps its names in lower case
        try {
            glue.getDatabases(b -> b.maxResults(1));
            results.add(CheckResult.pass(GuideAction.GLUE_GET_DATABASES.label(), "Glue databases listed"));
        } catch (SdkException e) {
            denied(GuideAction.GLUE_GET_DATABASES, e, false);
        }
        try {
            glue.getDatabase(b -> b.name(database));
            results.add(CheckResult.pass(GuideAction.GLUE_GET_DATABASE.label(), "read " + database));
        } catch (SdkException e) {
            if (AwsFailure.of(e).kind() == AwsFailure.Kind.NOT_FOUND) {
                results.add(CheckResult.skip(GuideAction.GLUE_GET_DATABASE.label(), database + " is not in Glue"));
                return;
            }
            denied(GuideAction.GLUE_GET_DATABASE, e, false);
        }
        Table table = null;
        try {
            List<Table> tables = glue.getTables(b -> b.databaseName(database).maxResults(1)).tableList();
            table = tables.isEmpty() ? null : tables.get(0);
            results.add(CheckResult.pass(GuideAction.GLUE_GET_TABLES.label(), "tables of " + database + " listed"));
        } catch (SdkException e) {
            denied(GuideAction.GLUE_GET_TABLES, e, false);
        }
        if (table == null) {
            results.add(CheckResult.skip(GuideAction.GLUE_GET_TABLE.label() + ", glue:GetPartitions",
                    "no table in " + database + " to read"));
            return;
        }
        String tableName = table.name();
        try {
            glue.getTable(b -> b.databaseName(database).name(tableName));
            results.add(CheckResult.pass(GuideAction.GLUE_GET_TABLE.label(), "read " + database + "." + tableName));
        } catch (SdkException e) {
            denied(GuideAction.GLUE_GET_TABLE, e, false);
        }
        try {
            glue.getPartitions(b -> b.databaseName(database).tableName(tableName).maxResults(1));
            results.add(CheckResult.pass(GuideAction.GLUE_GET_PARTITIONS.label(), "partitions of " + database + "."
                    + tableName + " listed"));
        } catch (SdkException e) {
            denied(GuideAction.GLUE_GET_PARTITIONS, e, false);
        }
    }

    private void queryPath(AthenaClient athena, S3Client s3) {
        if (!runQuery) {
            results.add(CheckResult.skip("query", "not run: GetQueryExecution, GetQueryResults and the writing "
                    + "of results (s3:PutObject) are tested only with --run-query, which runs SELECT 1 (Athena bills "
                    + "its minimum of 10 MB scanned)"));
            return;
        }
        if (outputLocationMissing || results.stream().anyMatch(r -> r.outcome() == Outcome.FAIL)) {
            results.add(CheckResult.skip("query", "not run: fix the failures above first"));
            return;
        }
        String id;
        try {
            id = athena.startQueryExecution(queryRequest(TEST_QUERY)).queryExecutionId();
        } catch (SdkException e) {
            denied(GuideAction.START_QUERY_EXECUTION, e, true);
            return;
        }
        QueryExecution execution;
        try {
            execution = awaitCompletion(athena, id);
            results.add(CheckResult.pass(GuideAction.GET_QUERY_EXECUTION.label(), "query " + id + " "
                    + execution.status().stateAsString()));
        } catch (SdkException e) {
            denied(GuideAction.GET_QUERY_EXECUTION, e, true);
            return;
        }
        if (!StatementExecution.isTerminal(execution.status().state())) {
            // Left alone, the query would run on (and bill) after the doctor has ended.
            results.add(CheckResult.fail("query", "SELECT 1 (query " + id + ") did not finish within "
                    + queryWait.toSeconds() + " s (still " + execution.status().stateAsString() + "); "
                    + stop(athena, id), "the workgroup may be busy; rerun with a longer --query-wait"));
            return;
        }
        String resultFile = execution.resultConfiguration() == null ? null
                : execution.resultConfiguration().outputLocation();
        if (execution.status().state() != QueryExecutionState.SUCCEEDED) {
            String reason = execution.status().athenaError() != null
                    && execution.status().athenaError().errorMessage() != null
                    ? execution.status().athenaError().errorMessage() : execution.status().stateChangeReason();
            String lower = String.valueOf(reason).toLowerCase(Locale.ROOT);
            if (lower.contains("access denied") && lower.contains("output")) {
                String bucket = resultFile == null ? "<output bucket>" : resultFile.substring(5).split("/", 2)[0];
                results.add(CheckResult.fail(GuideAction.S3_PUT_OBJECT.label(), "Athena could not write the "
                        + "result: " + reason, GuideAction.S3_PUT_OBJECT.grantFix("arn:aws:s3:::" + bucket + "/*",
                        viaRole)));
            } else {
                results.add(CheckResult.fail("query", "SELECT 1 ended " + execution.status().stateAsString() + ": "
                        + reason, "read Athena's reason above"));
            }
            return;
        }
        results.add(CheckResult.pass(GuideAction.S3_PUT_OBJECT.label(), "Athena wrote " + resultFile));
        try {
            athena.getQueryResults(b -> b.queryExecutionId(id));
            results.add(CheckResult.pass(GuideAction.GET_QUERY_RESULTS.label(), "read the result of " + id));
        } catch (SdkException e) {
            denied(GuideAction.GET_QUERY_RESULTS, e, true);
        }
        if (resultFile != null && resultFile.startsWith("s3://")) {
            String bucket = resultFile.substring(5).split("/", 2)[0];
            String key = resultFile.substring(5 + bucket.length() + 1);
            try {
                s3.headObject(b -> b.bucket(bucket).key(key));
                results.add(CheckResult.pass(GuideAction.S3_GET_OBJECT.label(), "the result file is readable"));
            } catch (SdkException e) {
                denied(GuideAction.S3_GET_OBJECT, e, "the driver reads results through GetQueryResults instead",
                        "arn:aws:s3:::" + bucket + "/" + key);
            }
        }
    }

    /** The query's last state seen: finished, or as it stood when {@link #queryWait} ran out. */
    private QueryExecution awaitCompletion(AthenaClient athena, String id) {
        long deadline = System.nanoTime() + queryWait.toNanos();
        long pause = 100;
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            long left = deadline - System.nanoTime();
            if (StatementExecution.isTerminal(execution.status().state()) || left <= 0) {
                return execution;
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return execution;
            }
            pause = Math.min(pause * 2, 2000);
        }
    }

    /** Asks Athena to stop the query; says how that went, to complete the report's sentence. */
    private String stop(AthenaClient athena, String id) {
        try {
            athena.stopQueryExecution(b -> b.queryExecutionId(id));
            return "the doctor stopped it";
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e);
            String why = failure.kind() == AwsFailure.Kind.DENIED
                    ? "athena:StopQueryExecution is not allowed; the guide's policy does not need it"
                    : failure.describe();
            return "it could not be stopped (" + why + ") and runs on until it ends; stop it in the Athena console";
        }
    }

    private StartQueryExecutionRequest queryRequest(String sql) {
        return StartQueryExecutionRequest.builder().queryString(sql).workGroup(config.workGroup())
                .clientRequestToken(UUID.randomUUID().toString())
                .queryExecutionContext(c -> c.catalog(config.catalog()).database(config.database()))
                .resultConfiguration(r -> r.outputLocation(config.outputLocation().orElse(null)))
                .build();
    }

    private void denied(GuideAction action, SdkException e, boolean required) {
        denied(action, e, required ? null : "the driver falls back to Athena's ListDatabases/ListTableMetadata", null);
    }

    /**
     * A failed call of a guide action: FAIL naming the statement to fix, or WARN when {@code degradation} says how
     * the driver works without it. {@code resource} stands in when the service's answer names none.
     */
    private void denied(GuideAction action, SdkException e, String degradation, String resource) {
        AwsFailure failure = AwsFailure.of(e);
        String named = failure.deniedResource() != null ? failure.deniedResource() : resource;
        String fix = failure.kind() == AwsFailure.Kind.DENIED ? action.grantFix(named, viaRole)
                : "check the network and the endpoint properties, then retry";
        if (degradation != null && failure.kind() == AwsFailure.Kind.DENIED) {
            results.add(CheckResult.warn(action.label(), failure.describe() + " (" + degradation + ")", fix));
        } else {
            results.add(CheckResult.fail(action.label(), failure.describe(), fix));
        }
    }
}
