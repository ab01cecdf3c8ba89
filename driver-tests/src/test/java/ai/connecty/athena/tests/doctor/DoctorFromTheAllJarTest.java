package ai.connecty.athena.tests.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.junit.LocalAthenaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code java -jar connecty-athena-jdbc-<version>-all.jar doctor ...}, the way the README tells users to run it. */
@ExtendWith(LocalAthenaExtension.class)
class DoctorFromTheAllJarTest {

    private static LocalAthena athena;

    private record Run(int exit, String output) {
    }

    private static Run javaJar(String... args) throws Exception {
        Path allJar = Path.of("target", "driver-all", "connecty-athena-jdbc-all.jar");
        assertThat(allJar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.disableEc2Metadata=true", "-jar", allJar.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("doctor", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("ATHENA_SECRET", LocalAthena.SERVICE_ACCOUNT_SECRET);
            Process process = builder.start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void theDoctorRunsFromTheAllJarAndTheExitStatusTellsTheOutcome() throws Exception {
        String url = "jdbc:connecty-athena://Region=us-east-1;EndpointOverride=" + athena.endpoint()
                + ";RoleArn=" + LocalAthena.ROLE_ARN + ";OutputLocation=s3://athena-results/doctor/;Database=demo";

        Run works = javaJar("doctor", "--run-query", "--user", LocalAthena.SERVICE_ACCOUNT_KEY_ID, "--password-env",
                "ATHENA_SECRET", url);
        assertThat(works.exit()).as(works.output()).isZero();
        assertThat(works.output()).contains("PASS  role: assumed " + LocalAthena.ROLE_ARN)
                .contains("Result: the connection will work.").doesNotContain(LocalAthena.SERVICE_ACCOUNT_SECRET);

        Run broken = javaJar("doctor", "--user", LocalAthena.SERVICE_ACCOUNT_KEY_ID, "--password-env", "ATHENA_SECRET",
                url.replace("WorkGroup=primary", "") + ";WorkGroup=nightly");
        assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output()).contains("FAIL  workgroup: 'nightly' does not exist in us-east-1");

        Run usage = javaJar();
        assertThat(usage.exit()).isEqualTo(64);
        assertThat(usage.output()).contains("Connecty Athena JDBC driver 0.").contains("doctor");
    }
}
