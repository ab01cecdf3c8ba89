package ai.connecty.athena.jdbc.config;

/** The credential sources that CredentialsProvider names with a keyword rather than a class name. */
public enum CredentialsSource {
    DEFAULT_CHAIN("DefaultChain"),
    PROFILE("ProfileCredentials"),
    INSTANCE_PROFILE("InstanceProfile"),
    /** The official driver's keyword: STS AssumeRoleWithWebIdentity with JwtWebIdentityToken and JwtRoleArn. */
    JWT("JWT");

    private final String keyword;

    CredentialsSource(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** Keywords are matched ignoring case, like property names. */
    public boolean matches(String value) {
        return keyword.equalsIgnoreCase(value);
    }

    public static boolean isNamed(String value) {
        return byKeyword(value) != null;
    }

    /** The named source, or null when the value is a class name. */
    public static CredentialsSource byKeyword(String value) {
        for (CredentialsSource source : values()) {
            if (source.matches(value)) {
                return source;
            }
        }
        return null;
    }
}
