package ai.connecty.athena.local.validation;

import ai.connecty.athena.local.api.AwsException;
import java.util.Set;

/**
 * How one service answers a request that breaks its model's constraints. AWS words the violations alike in every
 * service ({@code 1 validation error detected: Value '...' at '...' failed to satisfy constraint: ...}); what differs
 * is the error the text travels in, and whether the offending value is shown.
 */
public enum ValidationStyle {

    /**
     * 400 {@code InvalidRequestException} with {@code AthenaErrorCode INVALID_INPUT}. Athena leaves the value out of a
     * string-length or number-range violation ({@code Value at 'maxResults' ...}, measured-behaviour §1.3 and §5.2)
     * but shows it for a list's length, an enum and a pattern.
     */
    ATHENA(Set.of(Violation.Kind.LENGTH, Violation.Kind.RANGE)) {
        @Override
        AwsException failure(String message) {
            return AwsException.invalidRequest("INVALID_INPUT", message);
        }
    },

    /** 400 {@code InvalidInputException}; every violation shows its value. */
    GLUE(Set.of()) {
        @Override
        AwsException failure(String message) {
            return new AwsException(400, "InvalidInputException", message);
        }
    },

    /** STS's XML {@code ErrorResponse} with code {@code ValidationError} (type Sender, 400); values are shown. */
    STS(Set.of()) {
        @Override
        AwsException failure(String message) {
            return new AwsException(400, "ValidationError", message);
        }
    };

    private final Set<Violation.Kind> hiddenValues;

    ValidationStyle(Set<Violation.Kind> hiddenValues) {
        this.hiddenValues = hiddenValues;
    }

    /** The error that carries the whole message to the client. */
    abstract AwsException failure(String message);

    boolean showsValue(Violation.Kind kind) {
        return !hiddenValues.contains(kind);
    }
}
