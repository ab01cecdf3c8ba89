package ai.connecty.athena.local.auth;

import java.util.List;

/** An authenticated caller: an IAM user or a role session, with the identity policies that govern it. */
public record Principal(String arn, String userId, String accountId, List<Policy> policies) {
}
