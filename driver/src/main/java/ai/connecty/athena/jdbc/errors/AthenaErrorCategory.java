package ai.connecty.athena.jdbc.errors;

/** {@code AthenaError.ErrorCategory}: who is to blame for a failed query. */
public enum AthenaErrorCategory {
    SYSTEM(1), USER(2), OTHER(3), UNKNOWN(0);

    private final int code;

    AthenaErrorCategory(int code) {
        this.code = code;
    }

    public static AthenaErrorCategory fromCode(Integer code) {
        if (code != null) {
            for (AthenaErrorCategory category : values()) {
                if (category.code == code) {
                    return category;
                }
            }
        }
        return UNKNOWN;
    }

    public int code() {
        return code;
    }
}
