package ai.connecty.athena.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SigV4's URI encoding: only RFC 3986's unreserved characters stay as they are, hex digits upper case. */
class AwsUriEncodingTest {

    @Test
    void encodesEverythingButUnreservedCharactersIncludingTheNeighboursOfEachRange() {
        // '@' '[' before/after A-Z, '`' '{' around a-z, '/' ':' around 0-9.
        assertThat(AwsUriEncoding.encode("@AZ[`az{/09:-_.~!+ \u00e9"))
                .isEqualTo("%40AZ%5B%60az%7B%2F09%3A-_.~%21%2B%20%C3%A9");
        assertThat(AwsUriEncoding.encodeKeepingSlashes("dir/a b/c+d")).isEqualTo("dir/a%20b/c%2Bd");
    }

    @Test
    void decodesOnlyCompletePercentSequences() {
        assertThat(AwsUriEncoding.decode("%41b")).isEqualTo("Ab");
        assertThat(AwsUriEncoding.decode("%0A%30")).isEqualTo("\n0");
        assertThat(AwsUriEncoding.decode("%C3%A9")).isEqualTo("\u00e9");
        assertThat(AwsUriEncoding.decode("a+b")).isEqualTo("a+b");
        assertThat(AwsUriEncoding.decode("a%4")).isEqualTo("a%4");
        assertThat(AwsUriEncoding.decode("ab%4")).isEqualTo("ab%4");
        assertThat(AwsUriEncoding.decode("%zz%2")).isEqualTo("%zz%2");
    }
}
