package ai.connecty.athena.local.athena;

import ai.connecty.athena.local.api.AwsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/** Pages a listing with opaque NextTokens bound to the listing's scope. */
final class Paging {

    private Paging() {
    }

    static <T> ObjectNode page(List<T> items, int pageSize, String token, String scope, String field,
                               Function<T, JsonNode> render) {
        long from = 0;
        if (token != null) {
            from = PageToken.decode(scope, token).orElseThrow(() -> AwsException.invalidRequest("INVALID_INPUT",
                    "The nextPageToken is malformed: " + token));
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode array = out.putArray(field);
        long end = Math.min(items.size(), from + pageSize);
        for (long i = from; i < end; i++) {
            array.add(render.apply(items.get((int) i)));
        }
        if (end < items.size()) {
            out.put("NextToken", PageToken.encode(scope, end));
        }
        return out;
    }
}
