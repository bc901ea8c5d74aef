package vn.lgm.compliance.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * An upload cut when its client sends too slowly: in every {@code window} of time spent waiting for the client (blocked
 * in a read), at least {@code bytesPerSecond × window} bytes must arrive, or the stream fails with a message naming the
 * rate, and every later read fails the same way. Only time spent waiting counts, so a server busy assessing what it
 * already read never cuts its client. (Issue 20: four uploads of a line every 10 s held every audit slot.)
 */
final class MinimumRate extends FilterInputStream {

    /** The stream was cut for its rate. */
    static final class TooSlow extends IOException {
        TooSlow(String message) {
            super(message);
        }
    }

    private final long bytesPerSecond;
    private final long windowNanos;
    private final LongSupplier clock;
    private long waited;
    private long received;
    private TooSlow cut;

    MinimumRate(InputStream in, long bytesPerSecond, Duration window, LongSupplier nanoClock) {
        super(in);
        this.bytesPerSecond = bytesPerSecond;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
    }

    MinimumRate(InputStream in, long bytesPerSecond, Duration window) {
        this(in, bytesPerSecond, window, System::nanoTime);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (cut != null) {
            throw cut;
        }
        long start = clock.getAsLong();
        int n = super.read(b, off, len);
        if (n < 0) {
            return n; // the end: however slow, the upload is complete
        }
        waited += clock.getAsLong() - start;
        received += n;
        if (waited >= windowNanos) {
            double seconds = waited / 1e9;
            if (received < bytesPerSecond * seconds) {
                cut = new TooSlow(String.format(java.util.Locale.ROOT, "the upload was cut: %d bytes arrived in %.1f s of"
                        + " waiting for them, under the minimum of %d bytes a second (audit.upload.min-bytes-per-second)",
                        received, seconds, bytesPerSecond));
                throw cut;
            }
            waited = 0;
            received = 0;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        int read = read(buffer, 0, (int) Math.min(buffer.length, n));
        return Math.max(read, 0);
    }
}
