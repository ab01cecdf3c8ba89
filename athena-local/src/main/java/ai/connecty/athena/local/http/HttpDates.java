package ai.connecty.athena.local.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The two date forms AWS puts on the wire. */
public final class HttpDates {

    /** RFC 7231 IMF-fixdate; the JDK's RFC_1123 formatter does not zero-pad the day, which HTTP requires. */
    private static final DateTimeFormatter HTTP =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** {@code Tue, 03 Jun 2025 11:05:30 GMT}, for Date and Last-Modified headers. */
    public static String http(Instant instant) {
        return HTTP.format(instant);
    }

    /** {@code 2025-06-03T11:05:30.000Z}, for S3 XML listings. */
    public static String isoMillis(Instant instant) {
        return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code 2025-06-03T11:05:30Z}, for STS XML. */
    public static String isoSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
