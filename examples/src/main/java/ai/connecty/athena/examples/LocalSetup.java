package ai.connecty.athena.examples;

/**
 * The connection form of the guide, filled in for athena-local on its default port: the examples' defaults.
 * Every example takes another URL as its first argument (with the keys in it, or in ATHENA_USER and
 * ATHENA_PASSWORD).
 */
public final class LocalSetup {
    public static final String URL = "jdbc:connecty-athena://Region=us-east-1;EndpointOverride=http://127.0.0.1:4566;"
            + "RoleArn=arn:aws:iam::123456789012:role/connecty-athena;OutputLocation=s3://athena-results/;"
            + "WorkGroup=primary";
    /** The guide's public example keys, which athena-local accepts. Never put real keys in code. */
    public static final String USER = "AKIAIOSFODNN7EXAMPLE";
    public static final String PASSWORD = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private LocalSetup() {
    }

    static String url(String[] args) {
        return args.length > 0 ? args[0] : URL;
    }

    static String user() {
        String user = System.getenv("ATHENA_USER");
        return user != null ? user : USER;
    }

    static String password() {
        String password = System.getenv("ATHENA_PASSWORD");
        return password != null ? password : PASSWORD;
    }
}
