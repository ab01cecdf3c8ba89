package ai.connecty.athena.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a main class in a JVM of its own whose class path holds only the driver's runtime dependencies (listed
 * at build time in {@code target/driver-runtime-classpath.txt}) and the test classes, like a user's program.
 */
final class DriverOnlyJvm {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** How the program exited and what it printed on stdout and stderr, interleaved. */
    record Outcome(int exitCode, String output) {
    }

    private DriverOnlyJvm() {
    }

    static Outcome run(List<String> jvmOptions, Class<?> mainClass, String... args) throws Exception {
        return run(driverRuntimeClasspath(), jvmOptions, mainClass, args);
    }

    /** Runs {@code mainClass} with the given driver class path (plus the test classes) instead of the default. */
    static Outcome run(String driverClasspath, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws Exception {
        return run(driverClasspath + File.pathSeparator + programLocation(mainClass), jvmOptions, mainClass.getName(),
                args);
    }

    /**
     * Runs {@code mainClass} on the given driver class path with an AWS environment of the test's own: every
     * inherited {@code AWS_*} variable is removed (so the build's credentials, profile or region cannot leak in) and
     * {@code environment} set instead, with the instance metadata service off.
     */
    static Outcome runWithAwsEnvironment(String driverClasspath, List<String> jvmOptions,
                                         Map<String, String> environment, Class<?> mainClass, String... args)
            throws Exception {
        return runWithAwsEnvironment(driverClasspath + File.pathSeparator + programLocation(mainClass), jvmOptions,
                environment, mainClass.getName(), args);
    }

    /** {@link #runWithAwsEnvironment(String, List, Map, Class, String...)} of a main class found on the class path. */
    static Outcome runWithAwsEnvironment(String classpath, List<String> jvmOptions, Map<String, String> environment,
                                         String mainClass, String... args) throws Exception {
        return run(classpath, jvmOptions, env -> {
            env.keySet().removeIf(name -> name.startsWith("AWS_"));
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.putAll(environment);
        }, mainClass, args);
    }

    /** Runs a main class found on {@code classpath} alone (a third-party tool's, e.g. a JDBC shell's). */
    static Outcome run(String classpath, List<String> jvmOptions, String mainClass, String... args) throws Exception {
        return run(classpath, jvmOptions, env -> { }, mainClass, args);
    }

    private static Outcome run(String classpath, List<String> jvmOptions, Consumer<Map<String, String>> environment,
                               String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Daws.disableEc2Metadata=true");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        // A file rather than a pipe: a chatty program cannot block on it, and a hung one still lets us time out.
        Path outputFile = Files.createTempFile("program", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile());
            environment.accept(builder.environment());
            Process process = builder.start();
            process.getOutputStream().close();
            boolean exited = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(outputFile, StandardCharsets.UTF_8);
            assertThat(exited).as("%s finished; it printed:%n%s", mainClass, output).isTrue();
            return new Outcome(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(outputFile);
        }
    }

    private static String driverRuntimeClasspath() throws IOException {
        Path classpathFile = Path.of("target", "driver-runtime-classpath.txt");
        assertThat(classpathFile).as("written by maven-dependency-plugin:build-classpath").exists();
        String driverClasspath = Files.readString(classpathFile).strip();
        assertThat(driverClasspath).contains("connecty-athena-jdbc").doesNotContain("connecty-athena-local");
        return driverClasspath;
    }

    private static Path programLocation(Class<?> mainClass) throws URISyntaxException {
        return Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String javaExecutable() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IOException("No java executable at " + java);
        }
        return java.toString();
    }
}
