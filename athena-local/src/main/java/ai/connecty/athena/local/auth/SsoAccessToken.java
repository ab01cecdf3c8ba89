package ai.connecty.athena.local.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An access token of IAM Identity Center, as {@code aws sso login} caches it, and what its user may sign in to:
 * each permission set name (the profile's {@code sso_role_name}) maps to the athena-local role whose policies the
 * credentials get. The account is always the local one. {@link #toString()} leaves the token out.
 *
 * @param expiresAt when the token stops working; empty for a token that never expires
 */
public record SsoAccessToken(String token, String userName, Optional<Instant> expiresAt,
                             Map<String, String> rolesByPermissionSet) {

    public SsoAccessToken {
        rolesByPermissionSet = Map.copyOf(rolesByPermissionSet);
    }

    public boolean expired(Instant now) {
        return expiresAt.map(e -> !e.isAfter(now)).orElse(false);
    }

    /** The name of the athena-local role that a permission set signs in to, if the user has it. */
    public Optional<String> roleFor(String permissionSet) {
        return Optional.ofNullable(rolesByPermissionSet.get(permissionSet));
    }

    @Override
    public String toString() {
        return "SsoAccessToken[" + userName + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("never")
                + ", permissionSets=" + rolesByPermissionSet.keySet() + "]";
    }
}
