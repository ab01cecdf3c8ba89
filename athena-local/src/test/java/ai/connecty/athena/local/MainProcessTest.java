package ai.connecty.athena.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user sees it: a separate JVM, stdout and stderr together. */
class MainProcessTest {

    @TempDir
    Path dataDir;

    @Test
    void printsTheListeningLineOnceThenTheJdbcUrlAndNothingElse() throws IOException, InterruptedException {
        // What the jar's Enable-Native-Access manifest attribute grants under java -jar, given on the command line
        // because this runs from the class path: without it JDK 24+ prints DuckDB's restricted-method warning.
        // JDK 17 accepts the flag too.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--data", dataDir.toString(), "--no-demo-data")
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("JDBC URL: ")) {
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("athena-local listening on http://127\\.0\\.0\\.1:\\d+");
        String port = lines.get(0).substring(lines.get(0).lastIndexOf(':') + 1);
        assertThat(lines.get(1)).startsWith("JDBC URL: jdbc:connecty-athena://")
                .contains("EndpointOverride=http://127.0.0.1:" + port + ";");
    }
}
