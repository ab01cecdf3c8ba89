package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The jars that driver-tests/pom.xml puts under target/ for programs run beside the {@code -all} jar. */
final class ClientClasspaths {
    /** The host application's AWS SDK release: {@code host.sdk.version} in driver-tests/pom.xml. */
    static final String HOST_SDK_VERSION = "2.40.2";

    private ClientClasspaths() {
    }

    static String allJar() {
        Path allJar = Path.of("target", "driver-all", "connecty-athena-jdbc-all.jar");
        assertThat(allJar).as("copied by maven-dependency-plugin:copy").exists();
        return allJar.toAbsolutePath().toString();
    }

    /** HikariCP, Spring JDBC and the host's SLF4J (slf4j-api and slf4j-simple). */
    static String clientLibraries() throws IOException {
        Path file = Path.of("target", "client-libraries-classpath.txt");
        assertThat(file).as("written by maven-dependency-plugin:build-classpath").exists();
        String classpath = Files.readString(file).strip();
        assertThat(classpath).contains("HikariCP").contains("spring-jdbc").contains("slf4j-api")
                .doesNotContain("connecty-athena-jdbc").doesNotContain("awssdk");
        return classpath;
    }

    /** Another release of the AWS SDK (STS and its dependencies), unrelocated, as a host application has. */
    static String hostSdk() throws IOException {
        String classpath = jarsIn(Path.of("target", "host-sdk"));
        assertThat(classpath).contains("sts-" + HOST_SDK_VERSION + ".jar").contains("sdk-core-" + HOST_SDK_VERSION);
        return classpath;
    }

    /** H2's command-line JDBC shell. */
    static String jdbcShell() throws IOException {
        return jarsIn(Path.of("target", "jdbc-shell"));
    }

    private static String jarsIn(Path directory) throws IOException {
        assertThat(directory).as("copied by maven-dependency-plugin:copy").isDirectory();
        try (Stream<Path> jars = Files.list(directory)) {
            return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted()
                    .map(jar -> jar.toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        }
    }
}
