package ai.connecty.athena.jdbc.execution;

import ai.connecty.athena.jdbc.config.ConnectionConfig;
import ai.connecty.athena.jdbc.rows.ApiRowSource;
import ai.connecty.athena.jdbc.rows.ResultFetcher;
import ai.connecty.athena.jdbc.rows.ResultTransport;
import java.util.Optional;

/**
 * What every query of a connection is started with, apart from its SQL, catalog and database (which the
 * connection may change between statements). Immutable.
 */
public final class QuerySettings {
    /** GetQueryResults accepts at most 1000 rows per page. */
    public static final int MAX_PAGE_SIZE = ApiRowSource.MAX_PAGE_SIZE;

    private final String workGroup;
    private final String catalog;
    private final String database;
    private final String outputLocation;
    private final String encryptionOption;
    private final String kmsKey;
    private final String expectedBucketOwner;
    private final String aclOption;
    private final boolean resultReuseEnabled;
    private final int resultReuseMaxAgeMinutes;
    private final PollingSchedule pollingSchedule;
    private final int fetchSize;
    private final ResultFetcher resultFetcher;
    private final int s3ReadAheadParts;

    private QuerySettings(Builder builder) {
        this.workGroup = builder.workGroup;
        this.catalog = builder.catalog;
        this.database = builder.database;
        this.outputLocation = builder.outputLocation;
        this.encryptionOption = builder.encryptionOption;
        this.kmsKey = builder.kmsKey;
        this.expectedBucketOwner = builder.expectedBucketOwner;
        this.aclOption = builder.aclOption;
        this.resultReuseEnabled = builder.resultReuseEnabled;
        this.resultReuseMaxAgeMinutes = builder.resultReuseMaxAgeMinutes;
        this.pollingSchedule = builder.pollingSchedule;
        this.fetchSize = builder.fetchSize;
        this.resultFetcher = builder.resultFetcher;
        this.s3ReadAheadParts = builder.s3ReadAheadParts;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static QuerySettings from(ConnectionConfig config) {
        return builder()
                .workGroup(config.workGroup())
                .catalog(config.catalog())
                .database(config.database())
                .outputLocation(config.outputLocation().orElse(null))
                .encryption(config.encryptionOption().orElse(null), config.kmsKey().orElse(null))
                .expectedBucketOwner(config.expectedBucketOwner().orElse(null))
                .aclOption(config.aclOption().orElse(null))
                .resultReuse(config.resultReuseEnabled(), config.resultReuseMaxAgeMinutes())
                .pollingSchedule(new PollingSchedule(config.minPollingIntervalMillis(), config.maxPollingIntervalMillis(),
                        config.pollingIntervalMultiplier()))
                .fetchSize(config.fetchSize())
                .resultFetcher(ResultFetcher.fromProperty(config.resultFetcher()))
                .s3ReadAheadMB(config.s3ReadAheadMB())
                .build();
    }

    public String workGroup() { return workGroup; }

    public String catalog() { return catalog; }

    public String database() { return database; }

    public Optional<String> outputLocation() { return Optional.ofNullable(outputLocation); }

    public Optional<String> encryptionOption() { return Optional.ofNullable(encryptionOption); }

    public Optional<String> kmsKey() { return Optional.ofNullable(kmsKey); }

    public Optional<String> expectedBucketOwner() { return Optional.ofNullable(expectedBucketOwner); }

    public Optional<String> aclOption() { return Optional.ofNullable(aclOption); }

    public boolean resultReuseEnabled() { return resultReuseEnabled; }

    public int resultReuseMaxAgeMinutes() { return resultReuseMaxAgeMinutes; }

    public PollingSchedule pollingSchedule() { return pollingSchedule; }

    /** The connection's FetchSize; 0 means the largest page Athena allows. */
    public int fetchSize() { return fetchSize; }

    /** How result rows are read (the ResultFetcher property). */
    public ResultFetcher resultFetcher() { return resultFetcher; }

    /** Parts of the result file one S3 result set holds at once (S3ReadAheadMB in parts, at least 1). */
    public int s3ReadAheadParts() { return s3ReadAheadParts; }

    /** The GetQueryResults MaxResults for a fetch size: the fetch size if in 1..1000, else 1000. */
    public static int pageSize(int fetchSize) {
        return ApiRowSource.pageSize(fetchSize);
    }

    /** Builder with the product defaults (workgroup primary, AwsDataCatalog, default, 65 ms .. 5 s x2.2). */
    public static final class Builder {
        private String workGroup = "primary";
        private String catalog = "AwsDataCatalog";
        private String database = "default";
        private String outputLocation;
        private String encryptionOption;
        private String kmsKey;
        private String expectedBucketOwner;
        private String aclOption;
        private boolean resultReuseEnabled;
        private int resultReuseMaxAgeMinutes = 60;
        private PollingSchedule pollingSchedule = new PollingSchedule(65, 5000, 2.2);
        private int fetchSize;
        private ResultFetcher resultFetcher = ResultFetcher.AUTO;
        private int s3ReadAheadParts = ResultTransport.DEFAULT_PARTS_AHEAD;

        private Builder() {
        }

        public Builder workGroup(String value) { this.workGroup = value; return this; }

        public Builder catalog(String value) { this.catalog = value; return this; }

        public Builder database(String value) { this.database = value; return this; }

        public Builder outputLocation(String value) { this.outputLocation = value; return this; }

        public Builder encryption(String option, String key) { this.encryptionOption = option; this.kmsKey = key; return this; }

        public Builder expectedBucketOwner(String value) { this.expectedBucketOwner = value; return this; }

        public Builder aclOption(String value) { this.aclOption = value; return this; }

        public Builder resultReuse(boolean enabled, int maxAgeMinutes) {
            this.resultReuseEnabled = enabled;
            this.resultReuseMaxAgeMinutes = maxAgeMinutes;
            return this;
        }

        /** S3ReadAheadMB: whole parts of {@link ResultTransport#DEFAULT_PART_SIZE}, at least one. */
        public Builder s3ReadAheadMB(int mib) {
            this.s3ReadAheadParts = Math.max(1, (int) ((long) mib * 1024 * 1024 / ResultTransport.DEFAULT_PART_SIZE));
            return this;
        }

        public Builder pollingSchedule(PollingSchedule value) { this.pollingSchedule = value; return this; }

        public Builder fetchSize(int value) { this.fetchSize = value; return this; }

        public Builder resultFetcher(ResultFetcher value) { this.resultFetcher = value; return this; }

        public QuerySettings build() {
            return new QuerySettings(this);
        }
    }
}
