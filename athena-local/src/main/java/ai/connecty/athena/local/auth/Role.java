package ai.connecty.athena.local.auth;

import java.util.List;

/** An IAM role: who may assume it (trust policy), what its sessions may do, and how long they may last. */
public record Role(String name, String accountId, Policy trustPolicy, List<Policy> policies, int maxSessionSeconds) {

    public String arn() {
        return "arn:aws:iam::" + accountId + ":role/" + name;
    }

    /** The stable {@code AROA...} id that prefixes a session's user id. */
    public String roleId() {
        return "AROA" + IdGenerator.stableSuffix(arn());
    }
}
