package ai.worldforge.server;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop HTTP/1.1 load generator for the service host (run by {@code bench/service-load.sh}
 * in a process of its own): {@code --connections} keep-alive sockets, each sending {@code GET
 * /readyz} and {@code POST /workflows/mock-predict} alternately as fast as responses come back,
 * for {@code --warmup} seconds (discarded) and then {@code --duration} seconds (measured). Prints
 * requests per second and p50/p95/p99/max latency per route, the error count (transport failures
 * and non-200 responses), and the service's heap before and after from {@code GET /metrics} (when
 * served), as text and as one JSON line.
 *
 * <p>Plain blocking sockets rather than {@code java.net.http}: the generator shares the machine
 * with the service, and a few hundred bytes of hand-written HTTP per request keep its own CPU use
 * small, so the figures measure the host.
 */
public final class LoadGenerator {
    private static final Pattern HEAP =
            Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*}\\s+(\\S+)$", Pattern.MULTILINE);

    private LoadGenerator() {}

    /**
     * Usage: {@code LoadGenerator --url http://127.0.0.1:8080 [--connections 64] [--duration 30]
     * [--warmup 5] [--mix mixed|healthz]}; {@code --mix healthz} sends only {@code GET /healthz}
     * (the HTTP stack's own ceiling, reported on the readyz line).
     */
    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        int connections = 64;
        int duration = 30;
        int warmup = 5;
        boolean healthzOnly = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--duration" -> duration = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--mix" -> healthzOnly = args[i + 1].equals("healthz");
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        URI base = URI.create(url);
        int status = run(base.getHost(), base.getPort(), connections, warmup, duration, healthzOnly, System.out);
        System.exit(status);
    }

    /** One route's request and its latencies on one connection. */
    private static final class Series {
        long[] latencies = new long[1 << 14];
        int count;

        void add(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    private static final class Worker implements Runnable {
        private final String host;
        private final int port;
        private final CountDownLatch done;
        private final AtomicBoolean measuring;
        private final AtomicBoolean running;
        private final boolean healthzOnly;
        final Series readyz = new Series();
        final Series predict = new Series();
        long errors;
        long requests;
        String firstError = "";

        Worker(
                String host,
                int port,
                CountDownLatch done,
                AtomicBoolean measuring,
                AtomicBoolean running,
                boolean healthzOnly) {
            this.healthzOnly = healthzOnly;
            this.host = host;
            this.port = port;
            this.done = done;
            this.measuring = measuring;
            this.running = running;
        }

        @Override
        public void run() {
            byte[] readyRequest =
                    ("GET /readyz HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] predictRequest = ("POST /workflows/mock-predict HTTP/1.1\r\nHost: " + host
                            + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII);
            Socket socket = null;
            InputStream in = null;
            OutputStream out = null;
            boolean ready = true;
            try {
                while (running.get()) {
                    try {
                        if (socket == null) {
                            socket = new Socket();
                            socket.setTcpNoDelay(true);
                            socket.connect(new InetSocketAddress(host, port), 5000);
                            socket.setSoTimeout(30_000);
                            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                            out = socket.getOutputStream();
                        }
                        long started = System.nanoTime();
                        out.write(ready ? readyRequest : predictRequest);
                        out.flush();
                        Reply reply = readReply(in);
                        long elapsed = System.nanoTime() - started;
                        if (measuring.get()) {
                            requests++;
                            (ready ? readyz : predict).add(elapsed);
                            if (reply.status != 200) {
                                recordError("HTTP " + reply.status);
                            }
                        }
                        if (reply.close) {
                            socket.close();
                            socket = null;
                        }
                    } catch (IOException e) {
                        if (measuring.get() && running.get()) {
                            recordError(e.toString());
                        }
                        closeQuietly(socket);
                        socket = null;
                    }
                    ready = healthzOnly || !ready;
                }
            } finally {
                closeQuietly(socket);
                done.countDown();
            }
        }

        private void recordError(String what) {
            if (errors++ == 0) {
                firstError = what;
            }
        }
    }

    private record Reply(int status, boolean close) {}

    /** Reads one response: status line, headers (Content-Length, Connection) and the body. */
    private static Reply readReply(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine.length() < 12) {
            throw new IOException("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean close = false;
        while (true) {
            String line = readLine(in);
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        long skipped = 0;
        while (skipped < length) {
            long n = in.skip(length - skipped);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                n = 1;
            }
            skipped += n;
        }
        return new Reply(status, close);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already broken; nothing to do.
            }
        }
    }

    static int run(
            String host,
            int port,
            int connections,
            int warmupSeconds,
            int durationSeconds,
            boolean healthzOnly,
            PrintStream out)
            throws InterruptedException {
        long heapBefore = heapUsed(host, port);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(connections);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(host, port, done, measuring, running, healthzOnly);
            workers.add(worker);
            Thread thread = new Thread(worker, "load-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        TimeUnit.SECONDS.sleep(warmupSeconds);
        measuring.set(true);
        long started = System.nanoTime();
        TimeUnit.SECONDS.sleep(durationSeconds);
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        done.await(40, TimeUnit.SECONDS);
        long heapAfter = heapUsed(host, port);

        long errors = 0;
        String firstError = "";
        Series readyz = new Series();
        Series predict = new Series();
        for (Worker worker : workers) {
            errors += worker.errors;
            if (firstError.isEmpty()) {
                firstError = worker.firstError;
            }
            for (int i = 0; i < worker.readyz.count; i++) {
                readyz.add(worker.readyz.latencies[i]);
            }
            for (int i = 0; i < worker.predict.count; i++) {
                predict.add(worker.predict.latencies[i]);
            }
        }
        JsonObject readyStats = stats(readyz, seconds);
        JsonObject predictStats = stats(predict, seconds);
        out.printf(Locale.ROOT, "connections=%d duration=%.1fs warmup=%ds%n", connections, seconds, warmupSeconds);
        out.println(line(healthzOnly ? "GET /healthz" : "GET /readyz", readyStats));
        if (!healthzOnly) {
            out.println(line("POST /workflows/mock-predict", predictStats));
        }
        out.printf(
                Locale.ROOT,
                "total: %.0f req/s, errors: %d%s%n",
                (readyz.count + predict.count) / seconds,
                errors,
                errors == 0 ? "" : " (first: " + firstError + ")");
        out.printf(
                Locale.ROOT,
                "service heap used: before %s, after %s%n",
                heapBefore < 0 ? "n/a" : mib(heapBefore),
                heapAfter < 0 ? "n/a" : mib(heapAfter));
        out.println(Json.write(JsonObject.builder()
                .put("connections", connections)
                .put("duration_seconds", seconds)
                .put("readyz", readyStats)
                .put("mock_predict", predictStats)
                .put("errors", errors)
                .put("heap_used_bytes_before", heapBefore)
                .put("heap_used_bytes_after", heapAfter)
                .build()));
        return errors == 0 ? 0 : 1;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String line(String route, JsonObject stats) {
        return String.format(
                Locale.ROOT,
                "%-30s %9s req/s  p50 %s ms  p95 %s ms  p99 %s ms  max %s ms  (n=%s)",
                route,
                Json.write(stats.get("requests_per_second")),
                Json.write(stats.get("p50_ms")),
                Json.write(stats.get("p95_ms")),
                Json.write(stats.get("p99_ms")),
                Json.write(stats.get("max_ms")),
                Json.write(stats.get("requests")));
    }

    private static JsonObject stats(Series series, double seconds) {
        long[] sorted = Arrays.copyOf(series.latencies, series.count);
        Arrays.sort(sorted);
        return JsonObject.builder()
                .put("requests", sorted.length)
                .put("requests_per_second", Math.round(sorted.length / seconds * 10) / 10.0)
                .put("p50_ms", percentile(sorted, 0.50))
                .put("p95_ms", percentile(sorted, 0.95))
                .put("p99_ms", percentile(sorted, 0.99))
                .put("max_ms", sorted.length == 0 ? 0.0 : round(sorted[sorted.length - 1]))
                .build();
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0.0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return round(sorted[Math.max(0, index)]);
    }

    private static double round(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    /** Sum of {@code jvm_memory_used_bytes{area="heap"}} from the service's /metrics, or -1. */
    static long heapUsed(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /metrics HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(buffer);
            String text = buffer.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 200")) {
                return -1;
            }
            Matcher matcher = HEAP.matcher(text);
            double total = 0;
            boolean found = false;
            while (matcher.find()) {
                total += Double.parseDouble(matcher.group(1));
                found = true;
            }
            return found ? (long) total : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
