package ai.connecty.athena.local.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One AWS JSON 1.1 service (Athena, Glue): the HTTP layer routes {@code X-Amz-Target: <prefix>.<operation>}
 * here after authentication. The handler authorizes the call itself through {@link CallContext#authorize},
 * because only it knows the resource ARN (workgroup, data catalog, Glue table).
 */
public interface JsonOperationHandler {

    /**
     * @param operation the part of X-Amz-Target after the dot, e.g. {@code StartQueryExecution}
     * @param input     the parsed request body (an object node; {@code {}} for operations without input)
     * @return the response body; never null
     * @throws AwsException for modelled errors; {@code UnknownOperationException} for unknown operations
     */
    JsonNode handle(String operation, JsonNode input, CallContext context);
}
