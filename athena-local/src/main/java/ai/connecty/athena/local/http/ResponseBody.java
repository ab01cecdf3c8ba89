package ai.connecty.athena.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A response body of known length that can be written in part (for truncated-body faults). */
public interface ResponseBody {

    ResponseBody EMPTY = bytes(new byte[0]);

    long length();

    /** Writes at most {@code limit} bytes of the body. */
    void writeTo(OutputStream out, long limit) throws IOException;

    static ResponseBody bytes(byte[] bytes) {
        return new ResponseBody() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out, long limit) throws IOException {
                out.write(bytes, 0, (int) Math.min(limit, bytes.length));
            }
        };
    }

    /** {@code length} bytes of {@code file} from {@code offset}, streamed (result files can be large). */
    static ResponseBody fileRange(Path file, long offset, long length) {
        return new ResponseBody() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out, long limit) throws IOException {
                try (InputStream in = Files.newInputStream(file)) {
                    in.skipNBytes(offset);
                    byte[] buffer = new byte[64 * 1024];
                    long remaining = Math.min(limit, length);
                    while (remaining > 0) {
                        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                        if (n < 0) {
                            throw new IOException("File shrank while it was being sent: " + file.getFileName());
                        }
                        out.write(buffer, 0, n);
                        remaining -= n;
                    }
                }
            }
        };
    }
}
