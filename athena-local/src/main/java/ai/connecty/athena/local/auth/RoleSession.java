package ai.connecty.athena.local.auth;

import java.time.Instant;

/** Temporary credentials issued by AssumeRole. {@link #toString()} leaves the secret and token out. */
public record RoleSession(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                          Role role, String sessionName) {

    public String arn() {
        return "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    public String assumedRoleId() {
        return role.roleId() + ":" + sessionName;
    }

    public Principal principal() {
        return new Principal(arn(), assumedRoleId(), role.accountId(), role.policies());
    }

    @Override
    public String toString() {
        return "RoleSession[" + arn() + ", accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
