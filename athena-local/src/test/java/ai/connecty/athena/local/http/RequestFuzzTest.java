package ai.connecty.athena.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Hostile requests against athena-local's request parsing: properly signed requests whose JSON body is replaced
 * (before signing, by an SDK interceptor) with malformed JSON, wrong types, deep nesting or random bytes; unsigned
 * requests with forged SigV4 headers; huge bodies; expired session tokens. Every answer must be AWS-shaped (a
 * 4xx/5xx that the SDK parses into an error code) and the server must stay up. Seeded: the seed is printed.
 */
@ExtendWith(LocalAthenaExtension.class)
class RequestFuzzTest {
    private static final long SEED = Long.getLong("athena.fuzz.seed", 9L);
    private static final int CASES = Integer.getInteger("athena.fuzz.cases", 300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] ATHENA_OPERATIONS = {"StartQueryExecution", "GetQueryExecution",
            "BatchGetQueryExecution", "GetQueryResults", "StopQueryExecution", "ListQueryExecutions", "ListWorkGroups",
            "GetWorkGroup", "ListDataCatalogs", "GetDataCatalog", "ListDatabases", "GetDatabase", "ListTableMetadata",
            "GetTableMetadata"};
    private static final String[] FIELDS = {"QueryString", "QueryExecutionId", "QueryExecutionIds", "WorkGroup",
            "NextToken", "MaxResults", "CatalogName", "DatabaseName", "TableName", "Expression", "ClientRequestToken",
            "QueryExecutionContext", "ResultConfiguration", "ExecutionParameters", "ResultReuseConfiguration", "Name",
            "Database", "Catalog", "OutputLocation"};

    private static LocalAthena athena;

    /** Replaces each request's body with the next one of {@link #bodies}, before the SDK signs it. */
    private static final class BodySwap implements ExecutionInterceptor {
        volatile byte[] next;

        @Override
        public software.amazon.awssdk.http.SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                                                                             ExecutionAttributes executionAttributes) {
            return context.httpRequest().toBuilder().putHeader("Content-Length", Integer.toString(next.length)).build();
        }

        @Override
        public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
                                                       ExecutionAttributes executionAttributes) {
            return Optional.of(RequestBody.fromBytes(next));
        }
    }

    private static String hostileJson(SplittableRandom random) {
        switch (random.nextInt(9)) {
            case 0:
                return "{";
            case 1:
                return "[1,2,3]";
            case 2:
                return "\"just a string\"";
            case 3:
                return "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
            case 4:
                return "{\"QueryString\": \"" + "x".repeat(300_000) + "\"}";
            case 5: {
                StringBuilder junk = new StringBuilder();
                for (int i = 0; i < random.nextInt(200); i++) {
                    junk.append((char) random.nextInt(0x20, 0x3000));
                }
                return junk.toString();
            }
            default: {
                // A plausible object whose fields have the wrong type.
                StringBuilder body = new StringBuilder("{");
                int fields = 1 + random.nextInt(4);
                for (int i = 0; i < fields; i++) {
                    if (i > 0) {
                        body.append(',');
                    }
                    body.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":").append(wrongValue(random));
                }
                return body.append('}').toString();
            }
        }
    }

    private static String wrongValue(SplittableRandom random) {
        String[] values = {"null", "true", "-1", "0", "2147483648", "1e308", "\"\"", "\"x\"", "[]", "[null]", "{}",
                "{\"Catalog\":5}", "[\"a\",1,{}]", "\"" + "y".repeat(2000) + "\"", "\"\\u0000\"", "\"\\ud800\"", "-0.0"};
        return values[random.nextInt(values.length)];
    }

    private static final java.util.Map<String, Integer> CODES = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static void assertAwsShaped(String what, Runnable call) {
        try {
            call.run();
            CODES.merge("(accepted)", 1, Integer::sum);
        } catch (AwsServiceException e) {
            assertThat(e.statusCode()).as(what).isBetween(400, 599);
            assertThat(e.awsErrorDetails().errorCode()).as(what + ": error code").isNotBlank();
            CODES.merge(e.awsErrorDetails().errorCode(), 1, Integer::sum);
        }
        // Success is acceptable too: some hostile bodies are valid requests (e.g. a list with wrong optional fields
        // ignored); what matters is that nothing else escaped.
    }

    private static void assertServerUp() throws Exception {
        HttpResponse<String> health = HTTP.send(java.net.http.HttpRequest.newBuilder(
                athena.endpoint().resolve("/_athena-local/health")).build(), BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void signedRequestsWithHostileJsonGetAwsShapedErrors() throws Exception {
        System.out.println("RequestFuzzTest seed " + SEED + ", " + CASES + " cases per service");
        SplittableRandom random = new SplittableRandom(SEED);
        BodySwap swap = new BodySwap();
        try (AthenaClient client = AthenaClient.builder().endpointOverride(athena.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(SdkClients.ADMIN))
                .overrideConfiguration(SdkClients.noRetries().toBuilder().addExecutionInterceptor(swap).build())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
             GlueClient glue = GlueClient.builder().endpointOverride(athena.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(SdkClients.ADMIN))
                     .overrideConfiguration(SdkClients.noRetries().toBuilder().addExecutionInterceptor(swap).build())
                     .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            List<Consumer<String>> athenaCalls = new ArrayList<>();
            athenaCalls.add(body -> client.startQueryExecution(r -> r.queryString("SELECT 1")));
            athenaCalls.add(body -> client.getQueryExecution(r -> r.queryExecutionId("x")));
            athenaCalls.add(body -> client.getQueryResults(r -> r.queryExecutionId("x")));
            athenaCalls.add(body -> client.batchGetQueryExecution(r -> r.queryExecutionIds("x")));
            athenaCalls.add(body -> client.stopQueryExecution(r -> r.queryExecutionId("x")));
            athenaCalls.add(body -> client.listQueryExecutions(r -> r.workGroup("primary")));
            athenaCalls.add(body -> client.listDatabases(r -> r.catalogName("AwsDataCatalog")));
            athenaCalls.add(body -> client.listTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("demo")));
            athenaCalls.add(body -> client.getTableMetadata(r -> r.catalogName("AwsDataCatalog").databaseName("demo")
                    .tableName("sales")));
            athenaCalls.add(body -> client.getWorkGroup(r -> r.workGroup("primary")));
            athenaCalls.add(body -> glue.getTables(r -> r.databaseName("demo")));
            athenaCalls.add(body -> glue.getDatabases(r -> r.maxResults(5)));
            athenaCalls.add(body -> glue.getTable(r -> r.databaseName("demo").name("sales")));
            athenaCalls.add(body -> glue.getPartitions(r -> r.databaseName("demo").tableName("sales")));
            for (int i = 0; i < CASES; i++) {
                String body = hostileJson(random);
                Consumer<String> call = athenaCalls.get(random.nextInt(athenaCalls.size()));
                swap.next = body.getBytes(StandardCharsets.UTF_8);
                assertAwsShaped("case " + i + " body " + abbreviate(body), () -> call.accept(body));
            }
        }
        System.out.println("RequestFuzzTest answers: " + CODES);
        // The bodies reached the parsers and the operations' own validation, not just the signature check.
        assertThat(CODES).containsKeys("SerializationException", "InvalidRequestException");
        assertServerUp();
    }

    @Test
    void forgedSignaturesAndUnknownTargetsGetAwsShapedErrors() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        String[] authorizations = {"", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/athena/aws4_request, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=AKIA/x/y/z/w, SignedHeaders=;;;, Signature=zz",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/athena/aws4_request,,,,",
                "Basic dGVzdDp0ZXN0", "AWS4-HMAC-SHA256 Credential=test/" + "9".repeat(500) + "/us-east-1/athena/aws4_request"};
        String[] dates = {"", "20260101T000000Z", "garbage", "99999999T999999Z"};
        for (int i = 0; i < CASES; i++) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(athena.endpoint().resolve("/"))
                    .header("X-Amz-Target", random.nextBoolean()
                            ? "AmazonAthena." + ATHENA_OPERATIONS[random.nextInt(ATHENA_OPERATIONS.length)]
                            : random.nextBoolean() ? "AWSGlue.GetTables" : "Nope.Nothing")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(BodyPublishers.ofString(hostileJson(random)));
            String authorization = authorizations[random.nextInt(authorizations.length)];
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            String date = dates[random.nextInt(dates.length)];
            if (!date.isEmpty()) {
                request.header("X-Amz-Date", date);
            }
            if (random.nextInt(4) == 0) {
                request.header("X-Amz-Security-Token", "forged-" + random.nextInt());
            }
            HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).as("case %d", i).isBetween(400, 499);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("__type").asText()).as("case %d: %s", i, response.body()).isNotBlank();
        }
        assertServerUp();
    }

    @Test
    void aHugeBodyIsRefusedAndTheServerStaysUp() throws Exception {
        byte[] huge = new byte[64 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        HttpResponse<String> response = HTTP.send(java.net.http.HttpRequest.newBuilder(athena.endpoint().resolve("/"))
                .header("X-Amz-Target", "AmazonAthena.StartQueryExecution")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(BodyPublishers.ofByteArray(huge)).build(), BodyHandlers.ofString());
        // Refused after 16 MiB were read, never buffered whole: no body can exhaust the server's heap.
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("RequestEntityTooLargeException");
        assertThat(athena.requestLog().entries()).anyMatch(e -> e.status() == 413 && e.action().equals("StartQueryExecution"));
        assertServerUp();
    }

    @Test
    void anExpiredSessionTokenIsRefusedAsAwsDoes() throws Exception {
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("sts", "AssumeRole").withCredentialSeconds(1)));
        Credentials credentials;
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            credentials = sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("fuzz")).credentials();
        } finally {
            athena.faults().clear();
        }
        while (credentials.expiration().plusMillis(100).isAfter(java.time.Instant.now())) {
            Thread.sleep(50);
        }
        try (AthenaClient client = SdkClients.athena(athena, SdkClients.session(credentials))) {
            client.listWorkGroups(r -> r.maxResults(5));
            throw new AssertionError("an expired session token was accepted");
        } catch (AwsServiceException e) {
            assertThat(e.statusCode()).isBetween(400, 403);
            assertThat(e.awsErrorDetails().errorCode()).containsIgnoringCase("Expired");
        }
        assertServerUp();
    }

    private static String abbreviate(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "... (" + body.length() + " chars)" : body;
    }
}
