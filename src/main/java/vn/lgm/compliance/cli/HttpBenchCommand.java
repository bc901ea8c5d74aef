package vn.lgm.compliance.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-http}: an open-loop load test of {@code POST /api/v1/assessments} at a fixed request rate (requests
 * are sent on schedule whether or not earlier ones have returned, so a slow server shows in the latencies rather
 * than lowering the rate); prints the achieved rate, errors and the p50, p90, p99 and max latencies.
 */
@Command(name = "bench-http", mixinStandardHelpOptions = true,
        description = "Load-test POST /api/v1/assessments at a fixed rate and print latency percentiles.")
public final class HttpBenchCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080/api/v1/assessments")
    URI url;

    @Option(names = "--body", defaultValue = "examples/rare-earth-proposal.json", description = "Request body (default: ${DEFAULT-VALUE})")
    Path body;

    @Option(names = "--rate", defaultValue = "500", description = "Requests per second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured duration (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds at the same rate, not measured (default: ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() throws Exception {
        byte[] payload = Files.readAllBytes(body);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
        run(client, payload, warmup, null);
        long[] latencies = new long[rate * seconds];
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        int sent = run(client, payload, seconds, new Object[] {latencies, errors});
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] done = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf("POST %s at %d requests/s for %d s: %d sent, %d answered 200, %d errors, %.0f requests/s achieved%n",
                url, rate, seconds, sent, done.length, errors.get(), done.length / elapsed);
        if (done.length > 0) {
            System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(done, 50), pct(done, 90), pct(done, 99),
                    done[done.length - 1] / 1e6);
        }
        return errors.get() == 0 ? 0 : 1;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private int run(HttpClient client, byte[] payload, int duration, Object[] record) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        int total = rate * duration;
        AtomicLong next = new AtomicLong();
        CompletableFuture<?>[] futures = new CompletableFuture<?>[total];
        long period = 1_000_000_000L / rate;
        var task = timer.scheduleAtFixedRate(() -> {
            int i = (int) next.getAndIncrement();
            if (i >= total) {
                return;
            }
            HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
            long t0 = System.nanoTime();
            futures[i] = client.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (record != null) {
                    if (e == null && r.statusCode() == 200) {
                        ((long[]) record[0])[i] = System.nanoTime() - t0;
                    } else {
                        ((AtomicInteger) record[1]).incrementAndGet();
                    }
                }
            });
        }, 0, period, TimeUnit.NANOSECONDS);
        while (next.get() < total) {
            Thread.sleep(50);
        }
        task.cancel(false);
        timer.shutdown();
        for (CompletableFuture<?> f : futures) {
            if (f != null) {
                try {
                    f.join();
                } catch (RuntimeException ignored) {
                    // counted as an error above
                }
            }
        }
        return total;
    }
}
