package ai.worldforge.provider.http;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Resolves a host name to IP address texts for the destination guard. Injectable so tests (and
 * hosts with their own DNS policy) control resolution. Failures are classified by exception type:
 * {@link TimeoutException} → {@code host resolution timed out}, {@link
 * java.net.UnknownHostException} → {@code host could not be resolved}, anything else → {@code host
 * resolution failed}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface HostResolver {
    /**
     * The addresses {@code host} resolves to for a TCP connection to {@code port}.
     *
     * @throws TimeoutException when resolution takes longer than {@code timeout}
     * @throws IOException when resolution fails ({@link java.net.UnknownHostException} when the
     *     name does not exist)
     */
    List<String> resolve(String host, int port, Duration timeout) throws IOException, TimeoutException;

    /**
     * The system resolver ({@link java.net.InetAddress#getAllByName}) run on a daemon worker with a
     * hard timeout, with successful results cached for 5 seconds in an LRU of 256 {@code (host,
     * port)} entries, like the reference.
     */
    static HostResolver system() {
        return new SystemHostResolver(MonotonicClock.system());
    }
}
