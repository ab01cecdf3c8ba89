package ai.connecty.athena.jdbc.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The driver's version: the jar manifest's {@code Implementation-Version} (both the plain and the {@code -all}
 * jar carry it), else the build-filtered {@code driver.properties} (classes run from a directory, as in an IDE).
 */
public final class DriverVersion {
    private static final String RESOURCE = "/ai/connecty/athena/jdbc/driver.properties";
    private static final String VERSION = load();

    private DriverVersion() {
    }

    /** e.g. "0.1.0-SNAPSHOT". */
    public static String version() {
        return VERSION;
    }

    public static int major() {
        return part(0);
    }

    public static int minor() {
        return part(1);
    }

    private static int part(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String load() {
        String fromManifest = DriverVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        Properties properties = new Properties();
        try (InputStream in = DriverVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // A damaged jar still gets a usable driver; the version then reads "unknown".
        }
        return properties.getProperty("version", "unknown");
    }
}
