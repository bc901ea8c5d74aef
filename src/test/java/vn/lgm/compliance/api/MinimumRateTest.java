package vn.lgm.compliance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The rate guard on a clock the test moves: only time spent waiting in a read counts. */
class MinimumRateTest {

    /** A client that takes {@code secondsPerRead} to deliver each {@code chunk} bytes (the clock moves while it "waits"). */
    static InputStream client(AtomicLong clock, int chunk, double secondsPerRead, int total) {
        return new InputStream() {
            int left = total;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                clock.addAndGet((long) (secondsPerRead * 1e9));
                int n = Math.min(Math.min(len, chunk), left);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void aLineEveryTenSecondsIsCutAfterTheWindowAndStaysCut() {
        AtomicLong clock = new AtomicLong();
        MinimumRate in = new MinimumRate(client(clock, 200, 10, 1_000_000), 1024, Duration.ofSeconds(10), clock::get);
        byte[] buffer = new byte[8192];
        IOException e = assertThrows(IOException.class, () -> {
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // a line every 10 s: 20 bytes a second
            }
        });
        assertTrue(e.getMessage().contains("under the minimum of 1024 bytes a second (audit.upload.min-bytes-per-second)"),
                e.getMessage());
        assertEquals(10 * 1_000_000_000L, clock.get(), "cut at the end of the first window");
        assertThrows(MinimumRate.TooSlow.class, () -> in.read(buffer, 0, 1), "and every later read fails too");
    }

    @Test
    void aFastClientAndABusyServerAreNeverCut() throws IOException {
        AtomicLong clock = new AtomicLong();
        // 64 KiB every second of waiting: well over the minimum
        MinimumRate fast = new MinimumRate(client(clock, 65_536, 1, 5_000_000), 1024, Duration.ofSeconds(10), clock::get);
        assertEquals(5_000_000, fast.transferTo(java.io.OutputStream.nullOutputStream()));
        // the server spends an hour between reads (assessing): none of that time counts against the client
        AtomicLong clock2 = new AtomicLong();
        MinimumRate busy = new MinimumRate(new ByteArrayInputStream(new byte[100]), 1024, Duration.ofSeconds(10), clock2::get);
        byte[] buffer = new byte[10];
        while (busy.read(buffer, 0, 10) > 0) {
            clock2.addAndGet(Duration.ofHours(1).toNanos());
        }
        // and a slow end is still an end: the last, small read before the end of the upload does not cut it
        AtomicLong clock3 = new AtomicLong();
        MinimumRate slowEnd = new MinimumRate(client(clock3, 10, 5, 10), 1024, Duration.ofSeconds(10), clock3::get);
        assertEquals(10, slowEnd.transferTo(java.io.OutputStream.nullOutputStream()));
    }
}
