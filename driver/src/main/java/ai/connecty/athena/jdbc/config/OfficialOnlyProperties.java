package ai.connecty.athena.jdbc.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Properties of the official Athena JDBC driver (3.x, and 2.x names it still takes) that this driver does not have.
 * Users move over with their URL, so such a key is reported as what it is, with what this driver does instead,
 * rather than "corrected" by {@link NearestName} to a property of ours that means something else
 * (LfEndpointOverride is no EndpointOverride, which reroutes every service; SsoEndpoint is no S3Endpoint).
 * Names from shared/reference/official-drivers.md, sections 1.3 to 1.5.
 */
final class OfficialOnlyProperties {
    private static final String FEDERATED = "this driver signs with static keys, DefaultChain, ProfileCredentials, "
            + "InstanceProfile, JWT (JwtWebIdentityToken and JwtRoleArn) or a CredentialsProvider class (optionally "
            + "with RoleArn); the official driver's other federated sign-in plugins (SAML, Azure AD, Okta, Ping, "
            + "AD FS, IAM Identity Center, DataZone) are not built in, but an IAM Identity Center profile after aws "
            + "sso login works through ProfileName, and a web identity token file through the default chain "
            + "(AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)";
    private static final Map<String, String> HINTS = hints();

    private OfficialOnlyProperties() {
    }

    /** What to tell the user about this official-driver key, if it is one this driver does not support. */
    static Optional<String> hint(String key) {
        return Optional.ofNullable(HINTS.get(key.trim().toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> hints() {
        Map<String, String> hints = new HashMap<>();
        put(hints, "this driver logs through SLF4J (loggers ai.connecty.athena.jdbc.*): configure the application's "
                + "logging instead", "LogLevel", "LogPath");
        put(hints, "this driver calls no identity provider", "ProxyEnabledForIdP", "UseProxyForIdP");
        put(hints, "results are read from the result file in S3 or through GetQueryResults (see ResultFetcher)",
                "AthenaStreamingEndpoint", "StreamingEndpointOverride", "UseResultsetStreaming");
        put(hints, "this driver makes no Lake Formation call", "LakeFormationEndpoint", "LfEndpointOverride",
                "LakeFormationEnabled");
        put(hints, "this driver calls IAM Identity Center only through the AWS SDK, for a profile made by "
                + "aws configure sso (ProfileName); the SDK reaches it at the profile's sso_region, or where "
                + "AWS_ENDPOINT_URL_SSO or a services section of the config file says", "SsoOidcEndpoint",
                "SsoAdminEndpoint", "SsoEndpoint", "SSOOIDCEndpointOverride", "SSOAdminEndpointOverride");
        put(hints, FEDERATED, "WorkGroupArn", "ApplicationRoleArn", "AccessRoleArn", "CustomerIdcApplicationArn",
                "IdpWellKnownConfigurationUrl", "OidcClientId", "OidcClientSecret", "IdpPortNumber",
                "IdpResponseTimeout", "EnableTokenCaching", "SsoStartUrl", "SsoOidcRegion", "SsoOidcAccountId",
                "SsoOidcRoleName", "ListenPort", "listen_port", "AzureAdTenantId", "tenant_id", "AzureAdClientId",
                "client_id", "AzureAdClientSecret", "client_secret", "PreferredRole", "preferred_role", "SsoLoginUrl",
                "login_url", "OktaHostName", "IdP_Host", "PingHostName", "PingPortNumber", "IdP_Port",
                "PingPartnerSpId", "Partner_SPID", "AdfsHostName", "AdfsPortNumber", "AdfsRelyingParty", "LoginToRP",
                "AdfsWiaEnabled", "DataZoneDomainId", "DataZoneDomainRegion", "IdentityCenterIssuerUrl",
                "DataZoneProjectId", "DataZoneEnvironmentId", "DataZoneEndpointOverride");
        return Collections.unmodifiableMap(hints);
    }

    private static void put(Map<String, String> hints, String hint, String... names) {
        for (String name : names) {
            if (ConnectionProperty.byName(name).isPresent()) {
                throw new IllegalStateException(name + " is a property of this driver");
            }
            hints.put(name.toLowerCase(Locale.ROOT), hint);
        }
    }
}
