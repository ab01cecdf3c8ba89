package ai.connecty.athena.jdbc.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Telling "no credentials here" from "found, but AWS refused the exchange", which keys would not fix. */
class CredentialsCheckTest {

    @Test
    void theDefaultChainsWebIdentityLineGivesSTSsRefusal() {
        SdkClientException chain = SdkClientException.create("Unable to load credentials from any of the providers in "
                + "the chain AwsCredentialsProviderChain(...) : [EnvironmentVariableCredentialsProvider(): Unable to load "
                + "credentials from system settings., WebIdentityTokenFileCredentialsProvider(): Not authorized to "
                + "perform sts:AssumeRoleWithWebIdentity (Service: Sts, Status Code: 403, Request ID: r-1) (SDK Attempt "
                + "Count: 1), ProfileCredentialsProvider(profileName=default): Profile file contained no credentials]");

        assertThat(CredentialsCheck.providerRefusal(chain))
                .hasValue("Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void aProvidersCauseFromTheServiceGivesItsMessageAndCode() {
        StsException refused = (StsException) StsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails
                .builder().errorCode("InvalidIdentityToken").errorMessage("The web identity token could not be "
                        + "validated").build()).build();

        assertThat(CredentialsCheck.providerRefusal(SdkClientException.create("Unable to load credentials", refused)))
                .hasValue("The web identity token could not be validated [InvalidIdentityToken]");
    }

    @Test
    void credentialsThatAreNowhereAreNoRefusal() {
        assertThat(CredentialsCheck.providerRefusal(SdkClientException.create("Unable to load credentials from any of "
                + "the providers in the chain : [WebIdentityTokenFileCredentialsProvider(): Either the environment "
                + "variable AWS_WEB_IDENTITY_TOKEN_FILE or the javaproperty aws.webIdentityTokenFile must be set.]")))
                .isEmpty();
    }
}
