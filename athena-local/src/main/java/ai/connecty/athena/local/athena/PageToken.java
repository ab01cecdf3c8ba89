package ai.connecty.athena.local.athena;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Opaque paging tokens: base64 of {@code <scope>:<offset>}, bound to the query or listing they came from. */
final class PageToken {

    private PageToken() {
    }

    static String encode(String scope, long offset) {
        return Base64.getEncoder().encodeToString((scope + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Long> decode(String scope, String token) {
        try {
            String s = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (!s.startsWith(scope + ":")) {
                return Optional.empty();
            }
            long offset = Long.parseLong(s.substring(scope.length() + 1));
            return offset < 0 ? Optional.empty() : Optional.of(offset);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
