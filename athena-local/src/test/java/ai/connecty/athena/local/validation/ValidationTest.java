package ai.connecty.athena.local.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.connecty.athena.local.api.AwsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared request validation: AWS's wording, one or several violations, and each service's error around it. */
class ValidationTest {

    private static AwsException failure(Validation validation) {
        AwsException e = catchThrowableOfType(AwsException.class, validation::check);
        assertThat((Throwable) e).as("a violation must be reported").isNotNull();
        return e;
    }

    @Test
    void aRequestWithinItsConstraintsPasses() {
        assertThatCode(() -> new Validation(ValidationStyle.GLUE).notNull("demo", "databaseName")
                .length("demo", "databaseName", 1, 255).range(100, "maxResults", 1, 100)
                .oneOf("ALL", "resourceShareType", List.of("FOREIGN", "ALL")).pattern("s1", "roleSessionName", "[\\w+=,.@-]*")
                .minSize(List.of("a"), "executionParameters", 1).maxSize(List.of("a", "b"), "queryExecutionIds", 2)
                .check()).doesNotThrowAnyException();
    }

    /** Optional members that were not sent are {@code null}: only notNull looks at them. */
    @Test
    void anAbsentOptionalMemberBreaksNothingButNotNull() {
        assertThatCode(() -> new Validation(ValidationStyle.ATHENA).length(null, "nextToken", 1, 10)
                .range(null, "maxResults", 1, 50).oneOf(null, "queryResultType", List.of("DATA_ROWS"))
                .pattern(null, "workGroup", "[a-z]+").minSize(null, "executionParameters", 1).check())
                .doesNotThrowAnyException();
        assertThat(failure(new Validation(ValidationStyle.ATHENA).notNull(null, "queryExecutionId")).getMessage())
                .isEqualTo("1 validation error detected: Value null at 'queryExecutionId' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void oneViolationIsOneValidationError() {
        assertThat(failure(new Validation(ValidationStyle.GLUE).range(0, "maxResults", 1, 100)).getMessage())
                .isEqualTo("1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    /** Several violations make one message, in the order they were stated, joined by "; ". */
    @Test
    void severalViolationsAreReportedTogetherInTheOrderStated() {
        String name = "x/".repeat(40);
        AwsException e = failure(new Validation(ValidationStyle.STS).length("arn", "roleArn", 20, 2048)
                .length(name, "roleSessionName", 2, 64).pattern(name, "roleSessionName", "[\\w+=,.@-]*")
                .range(60, "durationSeconds", 900, 43200));
        assertThat(e.getMessage()).isEqualTo("4 validation errors detected: "
                + "Value 'arn' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; "
                + "Value '" + name + "' at 'roleSessionName' failed to satisfy constraint: Member must have length less "
                + "than or equal to 64; "
                + "Value '" + name + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: [\\w+=,.@-]*; "
                + "Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or "
                + "equal to 900");
    }

    @Test
    void eachBoundIsStatedOnItsOwn() {
        assertThat(failure(new Validation(ValidationStyle.GLUE).range(101, "maxResults", 1, 100)).getMessage())
                .endsWith("Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or "
                        + "equal to 100");
        assertThat(failure(new Validation(ValidationStyle.GLUE).length("", "name", 1, 255)).getMessage())
                .endsWith("Value '' at 'name' failed to satisfy constraint: Member must have length greater than or "
                        + "equal to 1");
        assertThat(failure(new Validation(ValidationStyle.GLUE).maxSize(List.of("a", "b", "c"), "ids", 2)).getMessage())
                .endsWith("Value '[a, b, c]' at 'ids' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 2");
    }

    /** AWS counts a string's length in characters: one emoji is one character, not two UTF-16 units. */
    @Test
    void lengthCountsCodePoints() {
        String emoji = "\uD83D\uDE00";
        assertThatCode(() -> new Validation(ValidationStyle.STS).length(emoji.repeat(2), "externalId", 2, 2).check())
                .doesNotThrowAnyException();
        assertThat(failure(new Validation(ValidationStyle.STS).minLength(emoji, "externalId", 2)).getMessage())
                .contains("greater than or equal to 2");
        assertThat(failure(new Validation(ValidationStyle.STS).maxLength(emoji.repeat(3), "externalId", 2)).getMessage())
                .contains("less than or equal to 2");
    }

    /** Athena: 400 InvalidRequestException with AthenaErrorCode (and its twin ErrorCode) INVALID_INPUT. */
    @Test
    void athenaReportsInvalidInputAndHidesLengthAndRangeValues() {
        AwsException e = failure(new Validation(ValidationStyle.ATHENA).minLength("", "nextToken", 1)
                .range(0, "maxResults", 1, 50).minSize(List.of(), "executionParameters", 1)
                .oneOf("BOGUS", "queryResultType", List.of("DATA_ROWS", "DATA_MANIFEST"))
                .pattern("a b", "workGroup", "[a-zA-Z0-9._-]{1,128}"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("InvalidRequestException");
        assertThat(e.extra()).isEqualTo(Map.of("AthenaErrorCode", "INVALID_INPUT", "ErrorCode", "INVALID_INPUT"));
        assertThat(e.getMessage()).isEqualTo("5 validation errors detected: "
                + "Value at 'nextToken' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                + "Value at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1; "
                + "Value '[]' at 'executionParameters' failed to satisfy constraint: Member must have length greater "
                + "than or equal to 1; "
                + "Value 'BOGUS' at 'queryResultType' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[DATA_ROWS, DATA_MANIFEST]; "
                + "Value 'a b' at 'workGroup' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [a-zA-Z0-9._-]{1,128}");
    }

    @Test
    void glueReportsInvalidInputExceptionAndShowsValues() {
        AwsException e = failure(new Validation(ValidationStyle.GLUE).notNull(null, "databaseName")
                .maxLength("abc", "expression", 2));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("InvalidInputException");
        assertThat(e.extra()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("2 validation errors detected: "
                + "Value null at 'databaseName' failed to satisfy constraint: Member must not be null; "
                + "Value 'abc' at 'expression' failed to satisfy constraint: Member must have length less than or equal to 2");
    }

    /** STS renders the code into its XML ErrorResponse; a 400 is a Sender error there. */
    @Test
    void stsReportsValidationErrorAndShowsValues() {
        AwsException e = failure(new Validation(ValidationStyle.STS).length("x", "externalId", 2, 1224));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("ValidationError");
        assertThat(e.extra()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value 'x' at 'externalId' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 2");
    }
}
