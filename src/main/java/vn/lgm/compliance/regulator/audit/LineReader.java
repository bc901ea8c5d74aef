package vn.lgm.compliance.regulator.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Physical lines of an input, read as bytes with a bound on a line's length, so one enormous line costs neither
 * memory nor the rest of the run: a line over the bound is skipped to its end and handed back as
 * {@link Line#oversized()}, and reading goes on with the next line. Ends of line are LF or CRLF; a leading UTF-8
 * byte-order mark is dropped. Counts every line it passes, independently of what the lines hold.
 */
final class LineReader {

    /** One physical line: its 1-based number, its text (null when oversized) and its length in bytes. */
    record Line(long number, String text, long bytes) {
        boolean oversized() {
            return text == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long number;
    private boolean eof;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null once the input is read to its end. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        int length = 0;
        long total = 0;
        boolean sawAny = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    eof = true;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            total += n;
            if (total <= maxBytes) {
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
                }
                System.arraycopy(buffer, start, line, length, n);
                length += n;
            }
            if (pos < limit) {
                pos++; // the LF
                break;
            }
        }
        number++;
        if (total > maxBytes) {
            if (line.length > (1 << 20)) {
                line = new byte[256];
            }
            return new Line(number, null, total);
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int from = 0;
        if (number == 1 && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            from = 3;
        }
        return new Line(number, new String(line, from, length - from, StandardCharsets.UTF_8), total);
    }

    /** True once the input has been read to its end. */
    boolean atEnd() {
        return eof;
    }

    long lines() {
        return number;
    }
}
