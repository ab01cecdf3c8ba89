package ai.connecty.athena.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {

    private static final Role ROLE = IdentityStore.defaults()
            .roleByArn("arn:aws:iam::123456789012:role/connecty-athena").orElseThrow();

    private static Decision roleMay(String action, String resource, String region) {
        return Policy.evaluate(ROLE.policies(), new AccessRequest("arn:aws:sts::123456789012:assumed-role/x/y", action,
                resource, Map.of("aws:requestedregion", region)));
    }

    private static Policy policy(String json) throws Exception {
        return Policy.parse(new ObjectMapper().readTree(json), "test policy");
    }

    @Test
    void theGuidesPolicyGrantsExactlyWhatItLists() {
        String wg = "arn:aws:athena:us-east-1:123456789012:workgroup/";
        assertThat(roleMay("athena:StartQueryExecution", wg + "primary", "us-east-1")).isEqualTo(Decision.ALLOW);
        assertThat(roleMay("athena:StartQueryExecution", wg + "analytics", "us-east-1")).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(roleMay("athena:StopQueryExecution", wg + "primary", "us-east-1")).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(roleMay("athena:ListDatabases", "arn:aws:athena:us-east-1:123456789012:datacatalog/lakehouse",
                "us-east-1")).isEqualTo(Decision.ALLOW);
        assertThat(roleMay("glue:GetTables", "arn:aws:glue:us-east-1:123456789012:table/default/t", "us-east-1"))
                .isEqualTo(Decision.ALLOW);
        assertThat(roleMay("glue:GetCatalogs", "arn:aws:glue:us-east-1:123456789012:catalog", "us-east-1"))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(roleMay("s3:GetObject", "arn:aws:s3:::athena-results/q.csv", "us-east-1")).isEqualTo(Decision.ALLOW);
        assertThat(roleMay("s3:PutObject", "arn:aws:s3:::demo-data/x", "us-east-1")).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void regionConditionRestrictsTheListCalls() {
        assertThat(roleMay("athena:ListWorkGroups", "*", "us-east-1")).isEqualTo(Decision.ALLOW);
        assertThat(roleMay("athena:ListWorkGroups", "*", "eu-west-1")).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void actionsMatchCaseInsensitivelyWithWildcardsAndExplicitDenyWins() throws Exception {
        Policy p = policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"S3:Get*\",\"Resource\":\"arn:aws:s3:::b/*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/secret/?.txt\"}]}");
        AccessRequest ok = new AccessRequest("p", "s3:getobject", "arn:aws:s3:::b/public/a.txt", Map.of());
        AccessRequest secret = new AccessRequest("p", "s3:GetObject", "arn:aws:s3:::b/secret/a.txt", Map.of());
        AccessRequest list = new AccessRequest("p", "s3:ListBucket", "arn:aws:s3:::b", Map.of());
        assertThat(Policy.evaluate(List.of(p), ok)).isEqualTo(Decision.ALLOW);
        assertThat(Policy.evaluate(List.of(p), secret)).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(Policy.evaluate(List.of(p), list)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void notActionAndNotResourceInvertTheMatch() throws Exception {
        Policy p = policy("{\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"s3:*\",\"NotResource\":\"arn:aws:athena:*:*:workgroup/secret\"}}");
        assertThat(Policy.evaluate(List.of(p), new AccessRequest("p", "athena:GetQueryResults",
                "arn:aws:athena:us-east-1:1:workgroup/primary", Map.of()))).isEqualTo(Decision.ALLOW);
        assertThat(Policy.evaluate(List.of(p), new AccessRequest("p", "athena:GetQueryResults",
                "arn:aws:athena:us-east-1:1:workgroup/secret", Map.of()))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(Policy.evaluate(List.of(p), new AccessRequest("p", "s3:GetObject", "x", Map.of())))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void trustPolicyNamesOnlyTheServiceAccountAndExternalIdIsEnforcedWhenRequired() throws Exception {
        AccessRequest sa = new AccessRequest("arn:aws:iam::123456789012:user/connecty-sa", "sts:AssumeRole", "r", Map.of());
        AccessRequest admin = new AccessRequest("arn:aws:iam::123456789012:user/test", "sts:AssumeRole", "r", Map.of());
        assertThat(ROLE.trustPolicy().evaluateTrust(sa, "123456789012")).isEqualTo(Decision.ALLOW);
        assertThat(ROLE.trustPolicy().evaluateTrust(admin, "123456789012")).isEqualTo(Decision.IMPLICIT_DENY);

        Policy withExternalId = policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123456789012\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"abc\"}}}]}");
        assertThat(withExternalId.evaluateTrust(sa, "123456789012")).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(withExternalId.evaluateTrust(new AccessRequest(sa.principalArn(), "sts:AssumeRole", "r",
                Map.of("sts:externalid", "abc")), "123456789012")).isEqualTo(Decision.ALLOW);
    }

    @Test
    void badDocumentsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> policy("{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\"}]}"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("Effect").hasMessageContaining("Maybe");
        assertThatThrownBy(() -> policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Condition\":{\"NumericLessThan\":{\"a\":\"1\"}}}]}"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("NumericLessThan");
    }
    private static Decision decide(Policy p, String action, String resource, Map<String, String> keys) {
        return Policy.evaluate(List.of(p), new AccessRequest("arn:aws:iam::123456789012:user/u", action, resource, keys));
    }

    @Test
    void actionAndResourceListsAreAlternativesAndEveryListedValueCounts() throws Exception {
        Policy p = policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"athena:GetWorkGroup\",\"athena:ListWorkGroups\"],"
                + "\"Resource\":[\"arn:aws:athena:us-east-1:1:workgroup/a\",\"arn:aws:athena:us-east-1:1:workgroup/b\"]}]}");
        assertThat(decide(p, "athena:ListWorkGroups", "arn:aws:athena:us-east-1:1:workgroup/b", Map.of()))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide(p, "athena:GetWorkGroup", "arn:aws:athena:us-east-1:1:workgroup/a", Map.of()))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide(p, "athena:GetWorkGroup", "arn:aws:athena:us-east-1:1:workgroup/c", Map.of()))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void resourcesMatchCaseSensitivelyAndQuestionMarkIsExactlyOneCharacter() throws Exception {
        Policy p = policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/q?.csv\"}}");
        assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/q1.csv", Map.of())).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/q.csv", Map.of())).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/q12.csv", Map.of())).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::B/q1.csv", Map.of())).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, "S3:GETOBJECT", "arn:aws:s3:::b/q1.CSV", Map.of())).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, "S3:GETOBJECT", "arn:aws:s3:::b/q1.csv", Map.of())).isEqualTo(Decision.ALLOW);
    }

    /**
     * IAM: a key absent from the request context makes a positive operator false and a negated one
     * (StringNotEquals, StringNotLike, ...) true; several values of a negated operator are a NOR.
     */
    @Test
    void aMissingConditionKeySatisfiesOnlyNegatedOperators() throws Exception {
        Policy notIn = policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"athena:ListWorkGroups\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-west-2\"]}}}}");
        assertThat(decide(notIn, "athena:ListWorkGroups", "*", Map.of())).isEqualTo(Decision.ALLOW);
        assertThat(decide(notIn, "athena:ListWorkGroups", "*", Map.of("aws:requestedregion", "us-east-1")))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide(notIn, "athena:ListWorkGroups", "*", Map.of("aws:requestedregion", "eu-west-2")))
                .isEqualTo(Decision.IMPLICIT_DENY);
        Policy notLike = policy("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:user/admin-*\"}}}}");
        assertThat(decide(notLike, "athena:ListWorkGroups", "*", Map.of())).isEqualTo(Decision.EXPLICIT_DENY);
        Policy like = policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":\"*\"}}}}");
        assertThat(decide(like, "athena:ListWorkGroups", "*", Map.of())).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void ignoreCaseOperatorsIgnoreCaseAndTheOthersDoNot() throws Exception {
        Policy p = policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a:X\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEqualsIgnoreCase\":{\"aws:RequestedRegion\":\"US-EAST-1\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"a:Y\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"US-EAST-1\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"a:Z\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotEqualsIgnoreCase\":{\"aws:RequestedRegion\":\"US-EAST-1\"}}}]}");
        Map<String, String> usEast1 = Map.of("aws:requestedregion", "us-east-1");
        assertThat(decide(p, "a:X", "*", usEast1)).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, "a:Y", "*", usEast1)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, "a:Z", "*", usEast1)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, "a:Z", "*", Map.of("aws:requestedregion", "eu-west-1"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void principalStarInATrustPolicyNamesEveryCaller() throws Exception {
        Policy anyone = policy("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}}");
        AccessRequest other = new AccessRequest("arn:aws:iam::999999999999:user/x", "sts:AssumeRole", "r", Map.of());
        assertThat(anyone.evaluateTrust(other, "999999999999")).isEqualTo(Decision.ALLOW);
        Policy denyAll = policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"999999999999\"},\"Action\":\"sts:*\"}]}");
        assertThat(denyAll.evaluateTrust(other, "999999999999")).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void malformedElementsAreRefusedNamingTheStatement() {
        assertThatThrownBy(() -> policy("{\"Statement\":{\"Sid\":\"ReadOnly\",\"Effect\":\"Allow\",\"Action\":7}}"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("test policy statement 'ReadOnly': expected a string or an array of strings, got 7");
        assertThatThrownBy(() -> policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":{\"a\":\"b\"}}}"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("test policy: expected a string or an array of strings, got {\"a\":\"b\"}");
        assertThatThrownBy(() -> policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[[\"a\"]]}}"))
                .isInstanceOf(PolicyException.class).hasMessage("test policy: expected a string, got [\"a\"]");
        assertThatThrownBy(() -> policy("{\"Statement\":{\"Effect\":\"Allow\"}}"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("test policy: exactly one of Action and NotAction is required");
    }
    /**
     * IAM's Principal element takes "*" alone or full names: "You cannot use a wildcard to match part of a principal
     * name or ARN" (IAM JSON policy elements: Principal), and IAM refuses such a trust policy. athena-local matched
     * the pattern instead, so "user/*" let every user of the account assume the role.
     */
    @Test
    void aPartialWildcardPrincipalIsRefusedNotMatched() {
        assertThatThrownBy(() -> policy("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:user/*\"},\"Action\":\"sts:AssumeRole\"}}"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("test policy: Principal 'arn:aws:iam::123456789012:user/*' has a wildcard; IAM takes \"*\""
                        + " alone or a full ARN, account or service name");
        assertThatThrownBy(() -> policy("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "[\"123456789012\",\"arn:aws:iam::123456789012:role/r?\"]},\"Action\":\"sts:AssumeRole\"}}"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("role/r?");
    }

    /** NotPrincipal was silently ignored, which turned a Deny with NotPrincipal into no deny at all. */
    @Test
    void notPrincipalIsRefusedAsUnsupported() {
        assertThatThrownBy(() -> policy("{\"Statement\":{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:user/connecty-sa\"},\"Action\":\"sts:AssumeRole\"}}"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("test policy: NotPrincipal is not supported; name the allowed principals in Principal");
    }
}
