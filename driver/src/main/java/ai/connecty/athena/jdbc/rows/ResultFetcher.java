package ai.connecty.athena.jdbc.rows;

import java.util.Locale;

/** The ResultFetcher connection property: which transport reads result rows. */
public enum ResultFetcher {
    /** The result file from S3 when the result spans more than one page and the file can be read; else the API. */
    AUTO,
    /** The result file from S3 for every query result written as CSV; fails instead of falling back. */
    S3,
    /** GetQueryResults pages only. */
    GET_QUERY_RESULTS;

    /** From the property value; {@code GetQueryResultsStream} (the official driver's) reads as GetQueryResults. */
    public static ResultFetcher fromProperty(String value) {
        if (value == null) {
            return AUTO;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "s3":
                return S3;
            case "getqueryresults":
            case "getqueryresultsstream":
                return GET_QUERY_RESULTS;
            default:
                return AUTO;
        }
    }
}
