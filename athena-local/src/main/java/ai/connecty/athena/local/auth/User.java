package ai.connecty.athena.local.auth;

import java.util.List;

/** An IAM user with one long-term access key. {@link #toString()} leaves the secret out. */
public record User(String name, String accountId, String accessKeyId, String secretAccessKey, List<Policy> policies) {

    public String arn() {
        return "arn:aws:iam::" + accountId + ":user/" + name;
    }

    public Principal principal() {
        return new Principal(arn(), "AIDA" + IdGenerator.stableSuffix(arn()), accountId, policies);
    }

    @Override
    public String toString() {
        return "User[" + arn() + ", accessKeyId=" + accessKeyId + "]";
    }
}
