package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import ai.connecty.athena.tests.plain.PlainJavaProgram;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link PlainJavaProgram} in its own JVM whose class path holds only the driver and its dependencies (listed
 * at build time in {@code target/driver-runtime-classpath.txt}) and the program itself.
 */
@ExtendWith(LocalAthenaExtension.class)
class PlainJavaProgramTest {

    private static LocalAthena athena;

    @Test
    void plainJavaSqlProgramRunsAQuery() throws Exception {
        Path classpathFile = Path.of("target", "driver-runtime-classpath.txt");
        assertThat(classpathFile).as("written by maven-dependency-plugin:build-classpath").exists();
        String driverClasspath = Files.readString(classpathFile).strip();
        assertThat(driverClasspath).contains("connecty-athena-jdbc").doesNotContain("connecty-athena-local");

        String classpath = driverClasspath + File.pathSeparator + programLocation();
        String url = Connections.url(athena, "RoleArn=" + LocalAthena.ROLE_ARN);
        Process process = new ProcessBuilder(javaExecutable(), "-Daws.disableEc2Metadata=true", "-cp", classpath,
                PlainJavaProgram.class.getName(), url, LocalAthena.SERVICE_ACCOUNT_KEY_ID,
                LocalAthena.SERVICE_ACCOUNT_SECRET, "SELECT country FROM demo.customers GROUP BY country ORDER BY country")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("the program finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().toList()).containsSubsequence(List.of("BR", "DE", "FR", "JP", "US"));
    }

    private static String programLocation() throws URISyntaxException {
        return Path.of(PlainJavaProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String javaExecutable() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IOException("No java executable at " + java);
        }
        return java.toString();
    }
}
