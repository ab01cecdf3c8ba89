package ai.connecty.athena.local.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The identities file of a test's own LocalAthena (see {@link OwnLocalAthena#withIdentities}): users of the local
 * account with one inline policy each, written in the format {@code --identities} reads. The statements are JSON
 * objects, usually {@link #ALLOW_ALL} followed by the {@link #deny}s the test is about.
 */
public final class TestIdentities {
    public static final String ALLOW_ALL = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";

    private final List<String> users = new ArrayList<>();

    public static TestIdentities users() {
        return new TestIdentities();
    }

    /** An explicit deny of {@code action} on {@code resource} (an ARN or {@code *}). */
    public static String deny(String action, String resource) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    public TestIdentities user(String name, String accessKeyId, String secretAccessKey, String... statements) {
        users.add("{\"name\":\"" + name + "\",\"accessKeyId\":\"" + accessKeyId + "\",\"secretAccessKey\":\""
                + secretAccessKey + "\",\"policies\":[{\"Version\":\"2012-10-17\",\"Statement\":["
                + String.join(",", Arrays.asList(statements)) + "]}]}");
        return this;
    }

    Path writeTo(Path file) throws IOException {
        return Files.writeString(file, "{\"accountId\":\"123456789012\",\"users\":[" + String.join(",", users)
                + "],\"roles\":[]}");
    }
}
