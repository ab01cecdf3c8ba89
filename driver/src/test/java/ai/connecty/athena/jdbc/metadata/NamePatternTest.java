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
}
