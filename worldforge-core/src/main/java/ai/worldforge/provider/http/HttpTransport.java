package ai.worldforge.provider.http;

import java.io.IOException;

/**
 * Sends one HTTP request and returns the response with its body still unread, so the caller
 * decides whether to buffer or stream it. The production implementation is {@link
 * JdkHttpTransport}; tests inject in-memory fakes.
 *
 * <p>Contract: redirects are never followed (a 3xx is returned as is); the request's {@link
 * TransportRequest#timeout()} bounds the wait for the response headers and every individual body
 * read; a timeout is reported as a {@link java.net.http.HttpTimeoutException}. Every {@link
 * IOException} (connection refused, reset, timeout, protocol error) is treated by {@link
 * ProviderHttpClient} as a transient transport failure and retried where the policy allows;
 * {@link IllegalArgumentException} (a request the transport cannot express) is not retried.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface HttpTransport {
    /**
     * Sends {@code request}. The caller closes the returned response.
     *
     * @throws IOException on any transport failure, including timeouts
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    TransportResponse send(TransportRequest request) throws IOException, InterruptedException;
}
