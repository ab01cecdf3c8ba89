package ai.connecty.athena.local.control;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.http.FakeBackendExtension;
import ai.connecty.athena.local.http.SdkClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sts.StsClient;

@ExtendWith(FakeBackendExtension.class)
class ControlEndpointTest {

    static LocalAthena athena;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> call(String method, String resource, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(athena.endpoint().resolve("/_athena-local/" + resource))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build();
        return HTTP.send(request, BodyHandlers.ofString());
    }

    @Test
    void healthIsOkOnceReady() throws Exception {
        HttpResponse<String> health = call("GET", "health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void requestLogIsServedOldestFirstAndCanBeEmptied() throws Exception {
        assertThat(call("DELETE", "requests", null).statusCode()).isEqualTo(204);
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            sts.getCallerIdentity();
            sts.assumeRole(r -> r.roleArn(LocalAthena.ROLE_ARN).roleSessionName("log"));
        }
        JsonNode log = JSON.readTree(call("GET", "requests", null).body());
        assertThat(log).hasSize(2);
        assertThat(log.get(0).path("action").asText()).isEqualTo("GetCallerIdentity");
        JsonNode assume = log.get(1);
        assertThat(assume.path("service").asText()).isEqualTo("sts");
        assertThat(assume.path("action").asText()).isEqualTo("AssumeRole");
        assertThat(assume.path("principal").asText()).isEqualTo("arn:aws:iam::123456789012:user/connecty-sa");
        assertThat(assume.path("resource").asText()).isEqualTo(LocalAthena.ROLE_ARN);
        assertThat(assume.path("decision").asText()).isEqualTo("allow");
        assertThat(assume.path("status").asInt()).isEqualTo(200);
        assertThat(assume.has("time") && assume.has("millis")).isTrue();
        assertThat(call("DELETE", "requests", null).statusCode()).isEqualTo(204);
        assertThat(athena.requestLog().entries()).isEmpty();
    }

    @Test
    void faultsArePutReadAndCleared() throws Exception {
        String plan = "{\"seed\":1,\"rules\":[{\"service\":\"athena\",\"action\":\"GetQueryResults\",\"latencyMillis\":40,"
                + "\"throttleRate\":0.2,\"errorRate\":0.05,\"dropAfterBytes\":65536,\"queryMillis\":1500}]}";
        HttpResponse<String> put = call("PUT", "faults", plan);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(athena.faults().plan().rules()).singleElement()
                .satisfies(r -> assertThat(r.dropAfterBytes()).isEqualTo(65536L));
        assertThat(athena.faults().extraQueryMillis()).isEqualTo(1500L);
        assertThat(JSON.readTree(call("GET", "faults", null).body()).path("rules").get(0).path("latencyMillis").asLong())
                .isEqualTo(40L);
        assertThat(call("DELETE", "faults", null).statusCode()).isEqualTo(204);
        assertThat(athena.faults().plan().rules()).isEmpty();
        assertThat(athena.faults().extraQueryMillis()).isZero();
    }

    @Test
    void invalidFaultPlansAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> rate = call("PUT", "faults", "{\"rules\":[{\"throttleRate\":2}]}");
        assertThat(rate.statusCode()).isEqualTo(400);
        assertThat(rate.body()).contains("throttleRate must be between 0 and 1");
        HttpResponse<String> unknown = call("PUT", "faults", "{\"rules\":[{\"latency\":5}]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("latency");
    }

    @Test
    void sameSeedGivesTheSameThrottleSequence() {
        Faults faults = new Faults();
        FaultPlan plan = FaultPlan.of(42, FaultRule.forAction("athena", "*").withThrottleRate(0.5));
        faults.set(plan);
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            first.append(faults.decide("athena", "GetQueryResults").throttle() ? 'T' : '.');
        }
        faults.set(plan);
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            second.append(faults.decide("athena", "GetQueryResults").throttle() ? 'T' : '.');
        }
        assertThat(second.toString()).isEqualTo(first.toString()).contains("T").contains(".");
        assertThat(faults.decide("glue", "GetTables").throttle()).isFalse();
    }

    @Test
    void aCutReplyIsRecordedInTheRequestLog() throws Exception {
        athena.requestLog().clear();
        athena.faults().set(FaultPlan.of(1, FaultRule.forAction("sts", "GetCallerIdentity").withDropAfterBytes(10)));
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            try {
                sts.getCallerIdentity();
            } catch (RuntimeException expected) {
                // the SDK sees a truncated body; what matters here is the log
            }
        } finally {
            athena.faults().clear();
        }
        assertThat(athena.requestLog().entries()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.cutAfterBytes()).isEqualTo(10L));
        JsonNode log = JSON.readTree(call("GET", "requests", null).body());
        assertThat(log.get(0).path("cutAfterBytes").asLong()).isEqualTo(10L);
        athena.requestLog().clear();
        try (StsClient sts = SdkClients.sts(athena, SdkClients.SERVICE_ACCOUNT)) {
            sts.getCallerIdentity();
        }
        assertThat(athena.requestLog().entries()).singleElement().satisfies(e -> assertThat(e.cut()).isFalse());
        assertThat(JSON.readTree(call("GET", "requests", null).body()).get(0).has("cutAfterBytes")).isFalse();
    }

    @Test
    void unknownControlResourceIs404() throws Exception {
        assertThat(call("GET", "nope", null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "health", null).statusCode()).isEqualTo(405);
    }
}
