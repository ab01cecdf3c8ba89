package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Telling "no credentials here" from "found, but AWS refused the exchange", which keys would not fix. */
class CredentialsCheckTest {

    @Test
    void aProvidersCauseFromTheServiceGivesItsMessageAndCode() {
        StsException refused = (StsException) StsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails
                .builder().errorCode("InvalidIdentityToken").errorMessage("The web identity token could not be "
                        + "validated").build()).build();

        assertThat(CredentialsCheck.providerRefusal(SdkClientException.create("Unable to load credentials", refused)))
                .hasValue("The web identity token could not be validated [InvalidIdentityToken]");
    }

    @Test
    void aProviderFailureWithoutTheServicesAnswerIsNoRefusal() {
        assertThat(CredentialsCheck.providerRefusal(SdkClientException.create("Unable to load credentials from any of "
                + "the providers in the chain : [EnvironmentVariableCredentialsProvider(): Unable to load credentials "
                + "from system settings.]"))).isEmpty();
    }
}
