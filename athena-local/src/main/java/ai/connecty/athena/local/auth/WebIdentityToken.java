package ai.connecty.athena.local.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A web identity (OIDC) token that an identity provider issued, e.g. the projected service-account token of an EKS
 * pod (IRSA). Real STS checks the token's signature against the provider's keys; athena-local has no provider, so
 * it knows the tokens it trusts from the identities file, with the claims STS would read from them. A role trusts
 * one through its trust policy: {@code "Principal": {"Federated": providerArn}}, action
 * {@code sts:AssumeRoleWithWebIdentity}, and conditions on {@code <issuer>:sub} and {@code <issuer>:aud}.
 * {@link #toString()} leaves the token out.
 *
 * @param issuer the {@code iss} claim without {@code https://}, as IAM names OIDC providers
 */
public record WebIdentityToken(String token, String issuer, String subject, String audience,
                               Optional<Instant> expiresAt) {

    public boolean expired(Instant now) {
        return expiresAt.map(e -> !e.isAfter(now)).orElse(false);
    }

    /** The ARN of the IAM OIDC provider that a trust policy names as its Federated principal. */
    public String providerArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + issuer;
    }

    /**
     * The condition keys IAM sets for a web identity request ({@code <issuer>:sub}, {@code <issuer>:aud}), in lower
     * case as {@link AccessRequest} wants them (condition key names are case-insensitive, an issuer path is not always
     * lower case).
     */
    public Map<String, String> conditionKeys() {
        String prefix = issuer.toLowerCase(Locale.ROOT);
        return Map.of(prefix + ":sub", subject, prefix + ":aud", audience);
    }

    @Override
    public String toString() {
        return "WebIdentityToken[" + issuer + ", sub=" + subject + ", aud=" + audience + "]";
    }
}
