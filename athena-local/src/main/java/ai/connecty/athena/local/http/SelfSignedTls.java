package ai.connecty.athena.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code --tls}. The JDK has no public API to create certificates, so the
 * key pair comes from the JDK's own {@code keytool}; it is made once per data directory and reused, so a
 * client's truststore stays valid across restarts. The certificate alone is also written to
 * {@code <dataDir>/tls/truststore.p12} (password {@value #TRUSTSTORE_PASSWORD}) for clients to trust.
 */
public final class SelfSignedTls {

    public static final String TRUSTSTORE_PASSWORD = "athena-local";
    private static final String ALIAS = "athena-local";
    private static final String SUBJECT_ALTERNATIVE_NAMES =
            "SAN=dns:localhost,ip:127.0.0.1,dns:*.localhost,dns:*.s3.localhost";

    private final Path keystore;
    private final Path truststore;

    public SelfSignedTls(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        this.keystore = dir.resolve("server.p12");
        this.truststore = dir.resolve("truststore.p12");
    }

    public Path truststore() {
        return truststore;
    }

    public SSLContext sslContext() {
        try {
            Files.createDirectories(keystore.getParent());
            if (!Files.isRegularFile(keystore)) {
                generateKeystore();
            }
            KeyStore keys = load(keystore);
            if (!Files.isRegularFile(truststore)) {
                writeTruststore(keys.getCertificate(ALIAS));
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, TRUSTSTORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS in " + keystore.getParent() + ": " + e.getMessage(), e);
        }
    }

    private void generateKeystore() throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path partial = keystore.resolveSibling("server.p12.tmp");
        Files.deleteIfExists(partial);
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650", "-dname", "CN=localhost, O=athena-local",
                "-ext", SUBJECT_ALTERNATIVE_NAMES, "-storetype", "PKCS12", "-keystore", partial.toString(),
                "-storepass", TRUSTSTORE_PASSWORD, "-keypass", TRUSTSTORE_PASSWORD))
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while generating the TLS certificate", e);
        } finally {
            process.destroy();
        }
        Files.move(partial, keystore);
    }

    private void writeTruststore(Certificate certificate) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(ALIAS, certificate);
        try (OutputStream out = Files.newOutputStream(truststore)) {
            trust.store(out, TRUSTSTORE_PASSWORD.toCharArray());
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, TRUSTSTORE_PASSWORD.toCharArray());
        }
        return store;
    }
}
