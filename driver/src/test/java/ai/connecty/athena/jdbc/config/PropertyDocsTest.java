package ai.connecty.athena.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class PropertyDocsTest {
    /** Surefire runs in the module directory; the docs live at the repository root. */
    private static final Path DOCS = Paths.get("..", "docs", "properties.md");
    private static final Path README = Paths.get("..", "README.md");

    @Test
    void committedDocsMatchTheRegistry() throws IOException {
        String committed = new String(Files.readAllBytes(DOCS), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("docs/properties.md is stale: regenerate it with "
                        + "java -cp driver/target/classes ai.connecty.athena.jdbc.config.PropertyDocs docs/properties.md")
                .isEqualTo(PropertyDocs.render());
    }

    @Test
    void readmeTablesMatchTheRegistry() throws IOException {
        String committed = new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("README.md's property tables are stale: regenerate them with java -cp driver/target/classes "
                        + "ai.connecty.athena.jdbc.config.PropertyDocs docs/properties.md README.md")
                .isEqualTo(PropertyDocs.withReadmeTables(committed));
    }

    @Test
    void everyPropertyAndAliasIsDocumented() {
        String rendered = PropertyDocs.render();
        for (String name : ConnectionProperty.allNames()) {
            assertThat(rendered).contains("`" + name + "`");
        }
        assertThat(rendered).contains("MetadataCacheTtlSeconds").contains("ValidateCredentials");
    }
}
