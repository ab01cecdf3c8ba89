package ai.connecty.athena.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePatternTest {

    @Test
    void nullAndPercentMatchEverything() {
        assertThat(NamePattern.of(null).matches("anything")).isTrue();
        assertThat(NamePattern.of("%").matches("")).isTrue();
        assertThat(NamePattern.of(null).exactName()).isEmpty();
    }

    @Test
    void percentAndUnderscoreAreWildcards() {
        NamePattern pattern = NamePattern.of("sales_%");
        assertThat(pattern.matches("sales_2024")).isTrue();
        assertThat(pattern.matches("salesX2024")).isTrue();
        assertThat(pattern.matches("sale")).isFalse();
        assertThat(pattern.exactName()).isEmpty();
    }

    @Test
    void aPatternTooLongForTheServerListsEverythingAndStillFiltersExactly() {
        NamePattern longest = NamePattern.of("a".repeat(255) + "_"); // Expression of 256 characters: sent
        assertThat(longest.serverExpression()).hasValueSatisfying(e -> assertThat(e).hasSize(256));
        NamePattern tooLong = NamePattern.of("a".repeat(256) + "_"); // 257: the service would refuse it
        assertThat(tooLong.serverExpression()).isEmpty();
        assertThat(tooLong.matches("A".repeat(256) + "z")).isTrue();
        assertThat(tooLong.matches("a".repeat(256))).isFalse();
    }

    /** The Expression keeps three {@code .*} at most, cut after the third: still every matching name, less work. */
    @Test
    void theServerExpressionKeepsThreeWildcardsAtMost() {
        assertThat(NamePattern.of("%a%b%c%d").serverExpression()).contains(".*a.*b.*");
        assertThat(NamePattern.of("a%b%c").serverExpression()).contains("a.*b.*c");
        assertThat(NamePattern.of("%_%_%_%_%_").serverExpression()).contains(".*..*..*");
        assertThat(NamePattern.of("%a%%%b").serverExpression()).contains(".*a.*b");
    }

    /**
     * %_%_%_... against a name that fails: a regular expression built from it backtracks exponentially (this
     * test did not end before); the wildcard walk answers at once.
     */
    @Test
    void manyWildcardsAgainstANameThatFailsDoNotBacktrackExponentially() {
        NamePattern pattern = NamePattern.of("%_".repeat(40) + "x");
        boolean matched = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> pattern.matches("y".repeat(200)));
        assertThat(matched).isFalse();
        assertThat(pattern.matches("y".repeat(40) + "x")).isTrue();
        assertThat(pattern.matches("y".repeat(39) + "x")).isFalse();
        assertThat(NamePattern.of("a%b_c").matches("AxxbYc")).isTrue();
        assertThat(NamePattern.of("a%b_c").matches("abc")).isFalse();
        assertThat(NamePattern.of("%").matches("")).isTrue();
        assertThat(NamePattern.of("_").matches("")).isFalse();
        assertThat(NamePattern.of("a\\%").matches("a%")).isTrue();
        assertThat(NamePattern.of("a\\%").matches("ab")).isFalse();
    }

    @Test
    void escapedWildcardsAreLiteralAndMakeAnExactName() {
        NamePattern pattern = NamePattern.of("sales\\_2024");
        assertThat(pattern.matches("sales_2024")).isTrue();
        assertThat(pattern.matches("salesX2024")).isFalse();
        assertThat(pattern.exactName()).contains("sales_2024");
    }

    @Test
    void regexCharactersAreLiteralAndMatchingIgnoresCase() {
        NamePattern pattern = NamePattern.of("a.b$c+");
        assertThat(pattern.matches("A.B$C+")).isTrue();
        assertThat(pattern.matches("aXb$c+")).isFalse();
        assertThat(NamePattern.of("Orders").exactName()).contains("orders");
    }

    @Test
    void serverExpressionsMatchASupersetAndNothingForEverything() {
        assertThat(NamePattern.of("sales_%").serverExpression()).contains("sales..*");
        assertThat(NamePattern.of("Sales\\_%").serverExpression()).contains("sales_.*");
        assertThat(NamePattern.of("a.b$c").serverExpression()).contains("a.b.c");
        assertThat(NamePattern.of("%%").serverExpression()).isEmpty();
        assertThat(NamePattern.of("%x%%").serverExpression()).contains(".*x.*");
        assertThat(NamePattern.of(null).serverExpression()).isEmpty();
        assertThat(NamePattern.of("%").matchesEverything()).isTrue();
        assertThat(NamePattern.of("a%").matchesEverything()).isFalse();
    }

    /** A leading {@code %} must give back characters it skipped: {@code %orders} finds {@code big_orders}. */
    @Test
    void aLeadingPercentBacktracks() {
        assertThat(NamePattern.of("%b").matches("ab")).isTrue();
        assertThat(NamePattern.of("%orders").matches("big_orders")).isTrue();
        assertThat(NamePattern.of("%orders").matches("orders_old")).isFalse();
    }

    /** A backslash that ends the pattern escapes nothing: it is a literal backslash, not an error. */
    @Test
    void aTrailingBackslashIsLiteral() {
        NamePattern pattern = NamePattern.of("a\\");
        assertThat(pattern.matches("a\\")).isTrue();
        assertThat(pattern.matches("a")).isFalse();
        assertThat(pattern.exactName()).contains("a\\");
    }

    @Test
    void aNullNameMatchesOnlyTheAnyPattern() {
        assertThat(NamePattern.of("a%").matches(null)).isFalse();
        assertThat(NamePattern.of("%").matches(null)).isTrue();
    }

    /**
     * Letters and digits at both ends of their ranges stand for themselves; symbols above {@code 9} (such as
     * {@code |}, which Hive's dialect reads as "or") become {@code .}, so the server never reads them as syntax.
     */
    @Test
    void serverExpressionsKeepLettersAndDigitsAndHideSymbols() {
        assertThat(NamePattern.of("AZaz09\\_%").serverExpression()).contains("azaz09_.*");
        assertThat(NamePattern.of("t9|x:y~%").serverExpression()).contains("t9.x.y..*");
    }
}
