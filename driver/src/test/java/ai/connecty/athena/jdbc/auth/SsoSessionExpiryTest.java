package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

class SsoSessionExpiryTest {

    @Test
    void theSdksExpiredCachedTokenNamesTheLoginOfTheConnectionsProfile() {
        SdkClientException expired = SdkClientException.create("The SSO session associated with this profile has "
                + "expired or is otherwise invalid. To refresh this SSO session run aws sso login with the "
                + "corresponding profile.");

        assertThat(SsoSessionExpiry.explain(expired, Optional.of("dev")))
                .hasValueSatisfying(advice -> assertThat(advice).contains("`aws sso login --profile dev`"));
    }

    @Test
    void aTokenThePortalRefusesIsAnEndedSessionToo() {
        UnauthorizedException refused = UnauthorizedException.builder().message("Session token not found or invalid")
                .build();

        assertThat(SsoSessionExpiry.explain(SdkClientException.create("Unable to load credentials", refused),
                Optional.of("corp-admin"))).hasValueSatisfying(advice -> assertThat(advice)
                .contains("aws sso login --profile corp-admin"));
    }

    @Test
    void withoutProfileNameTheAdviceNamesTheProfileTheSdkUses() {
        String before = System.getProperty("aws.profile");
        System.setProperty("aws.profile", "from-property");
        try {
            assertThat(SsoSessionExpiry.explain(UnauthorizedException.builder().build(), Optional.empty()))
                    .hasValueSatisfying(advice -> assertThat(advice).contains("--profile from-property"));
        } finally {
            if (before == null) {
                System.clearProperty("aws.profile");
            } else {
                System.setProperty("aws.profile", before);
            }
        }
    }

    @Test
    void otherCredentialFailuresGetNoSsoAdvice() {
        assertThat(SsoSessionExpiry.explain(SdkClientException.create("Unable to load credentials from any of the "
                + "providers in the chain"), Optional.of("dev"))).isEmpty();
        assertThat(SsoSessionExpiry.explain(SdkClientException.create("Profile file contained no credentials for "
                + "profile 'dev'"), Optional.of("dev"))).isEmpty();
    }
}
