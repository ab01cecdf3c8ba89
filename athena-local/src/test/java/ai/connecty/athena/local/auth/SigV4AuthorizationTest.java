package ai.connecty.athena.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SigV4AuthorizationTest {

    private static void refused(String header, AuthFailure failure, String message) {
        assertThatThrownBy(() -> SigV4Authorization.parse(header))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(failure);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void parsesTheThreeComponents() {
        SigV4Authorization a = SigV4Authorization.parse(" AWS4-HMAC-SHA256 Credential=AK/20250603/us-east-1/athena/"
                + "aws4_request, SignedHeaders=Host;X-Amz-Date, Signature=abc ");
        assertThat(a).isEqualTo(new SigV4Authorization("AK", "20250603", "us-east-1", "athena",
                List.of("host", "x-amz-date"), "abc"));
        assertThat(a.scope()).isEqualTo("20250603/us-east-1/athena/aws4_request");
    }

    @Test
    void refusesWhatIsNotASigV4AuthorizationHeader() {
        refused(null, AuthFailure.MISSING, "Missing Authentication Token");
        refused(" ", AuthFailure.MISSING, "Missing Authentication Token");
        refused("AWS AK:sig", AuthFailure.MALFORMED, "Authorization header must start with AWS4-HMAC-SHA256");
        refused("AWS4-HMAC-SHA256 Credential", AuthFailure.MALFORMED,
                "Authorization header component without '=': Credential");
        refused("AWS4-HMAC-SHA256 Credential=AK/d/r/s/aws4_request, SignedHeaders=host, =abc", AuthFailure.MALFORMED,
                "Unknown Authorization header component: ");
        refused("AWS4-HMAC-SHA256 Credential=AK/d/r/s/aws4_request, SignedHeaders=host", AuthFailure.MALFORMED,
                "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
        refused("AWS4-HMAC-SHA256 Credential=AK/d/r/s/aws5_request, SignedHeaders=host, Signature=a",
                AuthFailure.MALFORMED,
                "Credential must have the form <key>/<yyyyMMdd>/<region>/<service>/aws4_request");
        refused("AWS4-HMAC-SHA256 Credential=AK/r/s/aws4_request, SignedHeaders=host, Signature=a",
                AuthFailure.MALFORMED,
                "Credential must have the form <key>/<yyyyMMdd>/<region>/<service>/aws4_request");
    }
}
