package vn.lgm.compliance.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP/1.1 upload written by hand over a socket, as a client that goes away mid-upload behaves: the body is sent
 * in chunks as the test decides, the streamed answer is read line by line while the upload is still open, and the
 * socket can be closed at any point. Used by the tests of clients that disconnect and of a service that is killed.
 */
final class ChunkedUpload implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int chunkLeft;
    private boolean ended;

    ChunkedUpload(int port, String path, String contentType) throws IOException {
        socket = new Socket("127.0.0.1", port);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                + "\r\n" + Users.regulatorHeader() + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends one chunk of the body. */
    void send(byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads the status line and headers (blocks until the service answers). */
    int status() throws IOException {
        if (status == 0) {
            String line = rawLine();
            status = Integer.parseInt(line.split(" ")[1]);
            while (!(line = rawLine()).isEmpty()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
            }
        }
        return status;
    }

    String header(String name) throws IOException {
        status();
        return headers.get(name.toLowerCase());
    }

    /**
     * Reads the first {@code n} lines of an audit's answer, each the line of a record (not a summary or an incomplete
     * line), and returns the run's id from {@code X-Audit-Run}.
     */
    long receiveRecords(int n) throws IOException {
        if (status() != 200) {
            throw new IllegalStateException("status " + status);
        }
        for (int i = 0; i < n; i++) {
            String line = line();
            if (line == null || !line.startsWith("{\"projectId\"")) {
                throw new IllegalStateException("line " + (i + 1) + " is not a record's: " + line);
            }
        }
        return Long.parseLong(header("X-Audit-Run"));
    }

    /** The next line of the chunked answer, or null at its end. */
    String line() throws IOException {
        status();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = bodyByte();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    private int bodyByte() throws IOException {
        if (ended) {
            return -1;
        }
        if (chunkLeft == 0) {
            String size = rawLine();
            if (size.isEmpty()) {
                size = rawLine(); // the CRLF that ends the previous chunk
            }
            chunkLeft = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (chunkLeft == 0) {
                ended = true;
                return -1;
            }
        }
        int b = in.read();
        if (b < 0) {
            ended = true;
            return -1;
        }
        chunkLeft--;
        return b;
    }

    private String rawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b < 0 && line.size() == 0) {
            throw new IOException("the service closed the connection");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
