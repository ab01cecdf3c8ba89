package ai.connecty.athena.local.auth;

import java.util.List;

/** The parts of an HTTP request that SigV4 covers, exactly as they arrived on the wire. */
public interface SignedRequest {

    String method();

    /** The path as sent, still percent-encoded. */
    String rawPath();

    /** The query as sent, still percent-encoded; empty when there is none. */
    String rawQuery();

    /** Every value of a header, in arrival order; {@code name} is lower case. */
    List<String> headerValues(String name);

    byte[] body();

    default String header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
