package ai.connecty.athena.jdbc.config;

import static ai.connecty.athena.jdbc.config.ConnectionProperty.CREDENTIALS_PROVIDER;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.CREDENTIALS_PROVIDER_ARGUMENTS;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.ENCRYPTION_OPTION;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.EXPECTED_BUCKET_OWNER;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.EXTERNAL_ID;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.JWT_ROLE_ARN;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.JWT_ROLE_SESSION_NAME;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.JWT_WEB_IDENTITY_TOKEN;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.KMS_KEY;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.MAX_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.MIN_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.PASSWORD;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.PROFILE_NAME;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.PROXY_EXEMPT_HOSTS;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.PROXY_HOST;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.PROXY_PASSWORD;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.PROXY_PORT;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.PROXY_USERNAME;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.RESULT_FETCHER;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.ROLE_ARN;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.ROLE_SESSION_DURATION;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.ROLE_SESSION_NAME;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.SESSION_TOKEN;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.USER;
import static ai.connecty.athena.jdbc.config.ConnectionProperty.WORK_GROUP;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Rules that involve more than one property: combinations that cannot work are refused with the fix. */
final class ConsistencyRules {
    /** Java binary class name: dotted identifiers, '$' allowed for nested classes. */
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");

    private ConsistencyRules() {
    }

    static void check(PropertySettings settings, Map<ConnectionProperty, Object> values, List<SQLWarning> warnings)
            throws SQLException {
        checkEncryption(settings);
        checkPolling(values);
        checkCredentials(settings);
        checkWebIdentity(settings, warnings);
        checkRole(settings, warnings);
        checkProxy(settings);
        checkResultFetcher(values, warnings);
        if (settings.isSet(WORK_GROUP)) {
            ValueFormats.workGroup(settings.get(WORK_GROUP).get());
        }
        if (settings.isSet(EXPECTED_BUCKET_OWNER)) {
            ValueFormats.accountId(EXPECTED_BUCKET_OWNER, settings.get(EXPECTED_BUCKET_OWNER).get());
        }
    }

    private static void checkEncryption(PropertySettings settings) throws SQLException {
        String option = settings.get(ENCRYPTION_OPTION).orElse("");
        boolean kmsOption = option.equalsIgnoreCase("SSE_KMS") || option.equalsIgnoreCase("CSE_KMS");
        if (kmsOption && !settings.isSet(KMS_KEY)) {
            throw ConfigErrors.error("EncryptionOption " + option + " needs a KMS key: set KmsKey to the key ARN or id");
        }
        if (!kmsOption && settings.isSet(KMS_KEY)) {
            throw ConfigErrors.error("KmsKey only applies with EncryptionOption=SSE_KMS or CSE_KMS"
                    + (option.isEmpty() ? "" : ", not " + option) + ": set one of those or remove KmsKey");
        }
    }

    private static void checkPolling(Map<ConnectionProperty, Object> values) throws SQLException {
        long min = (Long) values.get(MIN_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS);
        long max = (Long) values.get(MAX_QUERY_EXECUTION_POLLING_INTERVAL_MILLIS);
        if (min > max) {
            throw ConfigErrors.error("MinQueryExecutionPollingIntervalMillis (" + min + ") is greater than "
                    + "MaxQueryExecutionPollingIntervalMillis (" + max + "): make the minimum at most the maximum");
        }
    }

    private static void checkCredentials(PropertySettings settings) throws SQLException {
        boolean user = settings.isSet(USER);
        boolean password = settings.isSet(PASSWORD);
        if (user && !password) {
            throw ConfigErrors.error("User (AccessKeyId) is set but Password (SecretAccessKey) is missing: "
                    + "static credentials need both");
        }
        if (password && !user) {
            throw ConfigErrors.error("Password (SecretAccessKey) is set but User (AccessKeyId) is missing: "
                    + "static credentials need both");
        }
        if (settings.isSet(SESSION_TOKEN) && !user) {
            throw ConfigErrors.error("SessionToken only applies together with User (AccessKeyId) and Password "
                    + "(SecretAccessKey)");
        }
        boolean providerClass = settings.isSet(CREDENTIALS_PROVIDER)
                && !CredentialsSource.isNamed(settings.get(CREDENTIALS_PROVIDER).get());
        if (settings.isSet(CREDENTIALS_PROVIDER_ARGUMENTS) && !providerClass) {
            throw ConfigErrors.error("CredentialsProviderArguments only applies with CredentialsProvider set to the "
                    + "name of a provider class (e.g. CredentialsProvider=com.example.TokenProvider): set it, or "
                    + "remove CredentialsProviderArguments");
        }
        if (!settings.isSet(CREDENTIALS_PROVIDER)) {
            // ProfileName alone means ProfileCredentials: with static keys too, one of them would be ignored.
            if (user && settings.isSet(PROFILE_NAME)) {
                throw ConfigErrors.error("Both static keys (User/Password) and ProfileName="
                        + settings.get(PROFILE_NAME).get() + " are set: choose one source of credentials and "
                        + "remove the other");
            }
            return;
        }
        String provider = settings.get(CREDENTIALS_PROVIDER).get();
        if (user) {
            throw ConfigErrors.error("Both static keys (User/Password) and CredentialsProvider=" + provider
                    + " are set: choose one source of credentials and remove the other");
        }
        if (!CredentialsSource.isNamed(provider) && !CLASS_NAME.matcher(provider).matches()) {
            throw ConfigErrors.invalidValue(CREDENTIALS_PROVIDER, provider, "expected DefaultChain, "
                    + "ProfileCredentials, InstanceProfile, JWT or the fully qualified name of a class implementing "
                    + "software.amazon.awssdk.auth.credentials.AwsCredentialsProvider");
        }
        if (settings.isSet(PROFILE_NAME) && !CredentialsSource.PROFILE.matches(provider)) {
            throw ConfigErrors.error("ProfileName only applies with CredentialsProvider=ProfileCredentials, not "
                    + provider + ": remove ProfileName or change CredentialsProvider");
        }
    }

    /**
     * CredentialsProvider=JWT needs its token and role: without them STS would only answer with a validation error
     * that names neither property. The JWT properties with another source would be silently unused, so they are
     * reported as the role-only ones are without RoleArn: with a warning, the connection still working.
     */
    private static void checkWebIdentity(PropertySettings settings, List<SQLWarning> warnings) throws SQLException {
        boolean jwt = settings.get(CREDENTIALS_PROVIDER).map(CredentialsSource.JWT::matches).orElse(false);
        if (!jwt) {
            for (ConnectionProperty jwtOnly : new ConnectionProperty[] {JWT_WEB_IDENTITY_TOKEN, JWT_ROLE_ARN,
                    JWT_ROLE_SESSION_NAME}) {
                if (settings.isSet(jwtOnly)) {
                    warnings.add(ConfigErrors.warning("Connection property " + jwtOnly.propertyName()
                            + " has no effect without CredentialsProvider=JWT"));
                }
            }
            return;
        }
        if (!settings.isSet(JWT_WEB_IDENTITY_TOKEN)) {
            throw ConfigErrors.error("CredentialsProvider=JWT needs the token: set JwtWebIdentityToken (alias "
                    + "web_identity_token) to the OIDC token your identity provider issued");
        }
        if (!settings.isSet(JWT_ROLE_ARN)) {
            throw ConfigErrors.error("CredentialsProvider=JWT needs the role to assume with the token: set JwtRoleArn "
                    + "(alias role_arn) to the ARN of the IAM role whose trust policy names the token's OIDC "
                    + "provider, e.g. JwtRoleArn=arn:aws:iam::123456789012:role/connecty-athena");
        }
        ValueFormats.roleArn(JWT_ROLE_ARN, settings.get(JWT_ROLE_ARN).get());
        if (settings.isSet(JWT_ROLE_SESSION_NAME)) {
            ValueFormats.roleSessionName(JWT_ROLE_SESSION_NAME, settings.get(JWT_ROLE_SESSION_NAME).get());
        }
    }

    private static void checkRole(PropertySettings settings, List<SQLWarning> warnings) throws SQLException {
        if (settings.isSet(ROLE_ARN)) {
            ValueFormats.roleArn(settings.get(ROLE_ARN).get());
            if (settings.isSet(EXTERNAL_ID)) {
                ValueFormats.externalId(settings.get(EXTERNAL_ID).get());
            }
            return;
        }
        boolean jwt = settings.get(CREDENTIALS_PROVIDER).map(CredentialsSource.JWT::matches).orElse(false);
        for (ConnectionProperty roleOnly : new ConnectionProperty[] {ROLE_SESSION_NAME, EXTERNAL_ID,
                ROLE_SESSION_DURATION}) {
            // The web identity session lasts RoleSessionDuration too.
            if (settings.isSet(roleOnly) && !(jwt && roleOnly == ROLE_SESSION_DURATION)) {
                warnings.add(ConfigErrors.warning("Connection property " + roleOnly.propertyName()
                        + " has no effect without RoleArn"));
            }
        }
    }

    /**
     * GetQueryResultsStream (the official driver's streaming API, not in the public SDK) is accepted so that its
     * URLs keep working, but it is read through GetQueryResults: say so rather than silently ignore the choice.
     */
    private static void checkResultFetcher(Map<ConnectionProperty, Object> values, List<SQLWarning> warnings) {
        String fetcher = (String) values.get(RESULT_FETCHER);
        if ("GetQueryResultsStream".equals(fetcher)) {
            warnings.add(ConfigErrors.warning("ResultFetcher=GetQueryResultsStream is accepted, but this driver reads "
                    + "those results through GetQueryResults"));
        }
    }

    private static void checkProxy(PropertySettings settings) throws SQLException {
        if (settings.isSet(PROXY_HOST)) {
            ValueFormats.proxyHost(settings.get(PROXY_HOST).get());
            if (settings.isSet(PROXY_EXEMPT_HOSTS)) {
                ValueFormats.proxyExemptHosts(settings.get(PROXY_EXEMPT_HOSTS).get());
            }
        } else {
            for (ConnectionProperty proxyOnly : new ConnectionProperty[] {PROXY_PORT, PROXY_USERNAME,
                    PROXY_PASSWORD, PROXY_EXEMPT_HOSTS}) {
                if (settings.isSet(proxyOnly)) {
                    throw ConfigErrors.error(proxyOnly.propertyName() + " is set but ProxyHost is missing: set "
                            + "ProxyHost (e.g. ProxyHost=http://proxy.example.com) or remove "
                            + proxyOnly.propertyName());
                }
            }
        }
        if (settings.isSet(PROXY_PASSWORD) && !settings.isSet(PROXY_USERNAME)) {
            throw ConfigErrors.error("ProxyPassword is set but ProxyUsername is missing: set both or neither");
        }
    }
}
