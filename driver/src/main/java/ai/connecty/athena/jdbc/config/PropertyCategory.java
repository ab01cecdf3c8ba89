package ai.connecty.athena.jdbc.config;

/** Groups properties in the generated documentation, in the order users usually fill them in. */
public enum PropertyCategory {
    BASIC("Basic"),
    CREDENTIALS("Credentials and role"),
    RESULTS("Results"),
    POLLING("Query execution polling"),
    NETWORK("Network, retries and proxy"),
    ENDPOINTS("Endpoint overrides"),
    METADATA("Metadata"),
    /** Where the driver bends a JDBC contract that Athena cannot meet, on request only. */
    JDBC("JDBC behaviour");

    private final String title;

    PropertyCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
