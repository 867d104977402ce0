package ai.worldforge.provider.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * {@link HostResolver#system()}: {@link InetAddress#getAllByName} on a daemon worker bounded by
 * {@link Future#get(long, java.util.concurrent.TimeUnit)}, plus a 5-second, 256-entry LRU cache of
 * successful results keyed by {@code (host, port)}. A timed-out lookup keeps running on its worker
 * (Java cannot abort a native lookup) but its caller is released. Thread-safe.
 */
final class SystemHostResolver implements HostResolver {
    static final long CACHE_NANOS = 5_000_000_000L;
    static final int CACHE_MAX_ENTRIES = 256;

    private static final class Workers {
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "worldforge-dns-resolver");
            thread.setDaemon(true);
            return thread;
        });
    }

    record Key(String host, int port) {}

    private record Entry(long resolvedAt, List<String> addresses) {}

    private final MonotonicClock clock;
    private final Map<Key, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);

    SystemHostResolver(MonotonicClock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public List<String> resolve(String host, int port, Duration timeout) throws IOException, TimeoutException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new TimeoutException("DNS resolution timeout must be greater than 0.");
        }
        Key key = new Key(host, port);
        List<String> cached = cached(key);
        if (cached != null) {
            return cached;
        }
        Future<List<String>> lookup = Workers.EXECUTOR.submit(() -> lookup(host));
        List<String> addresses;
        try {
            addresses = lookup.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new TimeoutException("DNS resolution exceeded " + timeout.toMillis() / 1000.0 + "s.");
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("DNS resolution interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("DNS resolution failed", cause);
        }
        store(key, addresses);
        return addresses;
    }

    private static List<String> lookup(String host) throws UnknownHostException {
        List<String> out = new ArrayList<>();
        for (InetAddress address : InetAddress.getAllByName(host)) {
            out.add(address.getHostAddress());
        }
        return List.copyOf(out);
    }

    synchronized List<String> cached(Key key) {
        Entry entry = cache.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.nanoTime() - entry.resolvedAt() <= CACHE_NANOS) {
            return entry.addresses();
        }
        cache.remove(key);
        return null;
    }

    synchronized void store(Key key, List<String> addresses) {
        cache.remove(key);
        cache.put(key, new Entry(clock.nanoTime(), addresses));
        while (cache.size() > CACHE_MAX_ENTRIES) {
            Key eldest = cache.keySet().iterator().next();
            cache.remove(eldest);
        }
    }

    /** Cached keys, least recently used first (for tests). */
    synchronized List<String> cachedHosts() {
        List<String> out = new ArrayList<>();
        cache.keySet().forEach(k -> out.add(k.host() + ":" + k.port()));
        return out;
    }
}
