package vn.lgm.compliance.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * Requests written by hand on a socket to the test instance (127.0.0.1), for what an HTTP client library would not
 * send: paths with {@code ..} left in, a Content-Length the body never reaches, a body trickled byte by byte.
 */
final class RawHttp implements AutoCloseable {

    /** Only a guard against a hung test; no assertion depends on it. */
    private static final int HANG_GUARD_MS = 300_000;

    final Socket socket;
    final OutputStream out;
    final InputStream in;

    RawHttp() throws IOException {
        socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(HANG_GUARD_MS);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** The response's head and as much of its body as the server sends before closing or ending it. */
    String response() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                got.write(buffer, 0, n);
                String text = got.toString(StandardCharsets.UTF_8);
                if (complete(text)) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // the server closed the connection after answering
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /** A response read to its end: its Content-Length reached, or the last chunk of a chunked one. */
    private static boolean complete(String text) {
        int head = text.indexOf("\r\n\r\n");
        if (head < 0) {
            return false;
        }
        String headers = text.substring(0, head).toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(headers);
        if (m.find()) {
            return text.substring(head + 4).getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(m.group(1));
        }
        return headers.contains("transfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n");
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
