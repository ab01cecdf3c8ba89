package ai.connecty.athena.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical request as AWS's "Create a canonical request" for SigV4 describes it. */
class CanonicalRequestTest {

    private static String canonical(String path, String query, boolean s3) {
        HttpRequest request = new HttpRequest("id", "GET", path, query, Map.of("host", List.of("  h   x  ")),
                new byte[0], new InetSocketAddress("127.0.0.1", 1));
        return CanonicalRequest.build(request, List.of("host"), "HASH", s3);
    }

    @Test
    void queryParametersAreSortedByNameThenValueAndReEncoded() {
        assertThat(canonical("/", "b=2&a=1&a=0&=x&flag&&c=%7e+", false))
                .isEqualTo("GET\n/\n=x&a=0&a=1&b=2&c=~%2B&flag=\nhost:h x\n\nhost\nHASH");
    }

    @Test
    void otherServicesNormalizeThePathAndEncodeItTwice() {
        assertThat(canonical("/a/./b/../c%20d/", "", false).lines().skip(1).findFirst()).hasValue("/a/c%2520d/");
        assertThat(canonical("/a/b", "", false).lines().skip(1).findFirst()).hasValue("/a/b");
        assertThat(canonical("", "", false).lines().skip(1).findFirst()).hasValue("/");
        assertThat(canonical("/../a//b", "", false).lines().skip(1).findFirst()).hasValue("/a/b");
    }

    @Test
    void s3SignsThePathAsSent() {
        assertThat(canonical("/b/./a%20b/../x", "", true).lines().skip(1).findFirst()).hasValue("/b/./a%20b/../x");
        assertThat(canonical("", "", true).lines().skip(1).findFirst()).hasValue("/");
    }
}
