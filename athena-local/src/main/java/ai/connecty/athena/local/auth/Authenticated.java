package ai.connecty.athena.local.auth;

/** A verified caller and the region its credential scope names (IAM's {@code aws:RequestedRegion}). */
public record Authenticated(Principal principal, String region) {
}
