package ai.connecty.athena.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on 127.0.0.1 in front of an HTTP endpoint that keeps a copy of everything the endpoint answered.
 * It lets a test learn the secrets a server handed to the driver (e.g. the session credentials in an STS
 * AssumeRole response) without changing the bytes: requests arrive unchanged, so their SigV4 signatures,
 * which cover the Host header the client sent to the relay, still verify.
 */
final class RecordingRelay implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "recording-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream responses = new ByteArrayOutputStream();

    RecordingRelay(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.execute(this::accept);
    }

    /** The relay's address, to use as an endpoint override. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Everything the target sent back so far, decoded as UTF-8. */
    String responses() {
        synchronized (responses) {
            return responses.toString(StandardCharsets.UTF_8);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                pumps.execute(() -> pump(client, upstream, null));
                pumps.execute(() -> pump(upstream, client, responses));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException("The relay could not accept a connection", e);
                }
            }
        }
    }

    /** Copies {@code from} to {@code to} (and to {@code copy} when given) until either side closes. */
    private static void pump(Socket from, Socket to, ByteArrayOutputStream copy) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (copy != null) {
                    synchronized (copy) {
                        copy.write(buffer, 0, n);
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side hung up; closing both ends below tells the other side.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(RecordingRelay::closeQuietly);
        pumps.shutdownNow();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed by the other pump.
        }
    }
}
